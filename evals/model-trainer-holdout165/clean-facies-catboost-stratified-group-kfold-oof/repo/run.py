"""Well-grouped CV estimate for the CatBoost facies model, then a deployment fit on all wells."""
from pathlib import Path

import pandas as pd
import yaml
from catboost import Pool
from sklearn.metrics import classification_report, f1_score

from cv import make_model, out_of_fold

cfg = yaml.safe_load(open("config.yaml"))
d = cfg["data"]

df = pd.read_csv(d["path"]).dropna(subset=["PE"])
df["Formation"] = df["Formation"].astype(str)
df["NM_M"] = df["NM_M"].astype(str)

res = out_of_fold(df, cfg)
print(f"OOF macro F1: {f1_score(res['y'], res['oof'], average='macro'):.3f}")
print(f"OOF micro F1: {f1_score(res['y'], res['oof'], average='micro'):.3f}")
print(res.groupby("well").apply(lambda w: f1_score(w["y"], w["oof"], average="micro")).round(3))
print(classification_report(res["y"], res["oof"], zero_division=0))

Path(cfg["output"]["oof"]).parent.mkdir(parents=True, exist_ok=True)
res.to_csv(cfg["output"]["oof"])

# deployment model: same settings, all labelled wells
feats = d["numeric"] + d["categorical"]
final = make_model(cfg)
final.fit(Pool(df[feats], df[d["target"]], cat_features=d["categorical"]))
final.save_model(cfg["output"]["model"])
