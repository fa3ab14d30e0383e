import json

import joblib
import numpy as np
from sklearn.metrics import classification_report, confusion_matrix, recall_score

from features import LABELS, build_matrix, list_clips, normalize

cfg = json.load(open("config.json"))
bundle = joblib.load(cfg["model_path"])
mlp = bundle["model"]

df = list_clips(cfg["data_dir"])
test_df = df[df.actor >= cfg["test_actor_min"]].reset_index(drop=True)
print(f"test clips: {len(test_df)} from {test_df.actor.nunique()} held-out actors")

X_test, y_test = build_matrix(test_df, cfg)
X_test, _ = normalize(X_test)

pred = mlp.predict(X_test)
print(classification_report(y_test, pred, target_names=LABELS, digits=3))
print("UAR:", recall_score(y_test, pred, average="macro"))
print(confusion_matrix(y_test, pred))

# per-intensity breakdown (CREMA-D level codes: LO/MD/HI/XX)
for level, idx in test_df.groupby("level").groups.items():
    idx = np.asarray(idx)
    print(level, round(recall_score(y_test[idx], pred[idx], average="macro"), 3))
