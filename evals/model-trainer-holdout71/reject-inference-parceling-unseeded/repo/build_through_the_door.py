"""Build a through-the-door application scorecard using parceled rejects."""
import json

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score, roc_curve
from sklearn.model_selection import train_test_split

from ri.kgb import make_logit
from ri.parceling import band_bad_rates, parcel_rejects


def gini_ks(y, p):
    fpr, tpr, _ = roc_curve(y, p)
    return 2 * roc_auc_score(y, p) - 1, float(np.max(tpr - fpr))


def main():
    cfg = json.load(open("settings.json"))
    feats, target = cfg["features"], cfg["target"]
    accepts = pd.read_csv(cfg["accepts_path"]).dropna(subset=[target])
    rejects = pd.read_csv(cfg["rejects_path"])
    no_hit_score = 300
    accepts["bureau_score"] = accepts["bureau_score"].fillna(no_hit_score)
    rejects["bureau_score"] = rejects["bureau_score"].fillna(no_hit_score)

    acc_train, acc_test = train_test_split(
        accepts, test_size=cfg["test_size"], stratify=accepts[target])

    kgb = make_logit(feats).fit(acc_train[feats], acc_train[target])
    pd_acc = kgb.predict_proba(acc_train[feats])[:, 1]
    edges, rates = band_bad_rates(pd_acc, acc_train[target].to_numpy(), cfg["parceling"]["n_score_bands"])

    rejects = rejects.copy()
    rejects[target] = parcel_rejects(kgb.predict_proba(rejects[feats])[:, 1], edges, rates,
                                     cfg["parceling"]["reject_bad_uplift"])
    print(f"accepts bad rate {acc_train[target].mean():.3%}, parceled rejects bad rate {rejects[target].mean():.3%}")

    ttd = pd.concat([acc_train.assign(is_reject=0), rejects.assign(is_reject=1)], ignore_index=True)
    ttd_model = make_logit(feats).fit(ttd[feats], ttd[target])

    summary = {}
    for name, model in [("kgb_accepts_only", kgb), ("through_the_door", ttd_model)]:
        p = model.predict_proba(acc_test[feats])[:, 1]
        g, k = gini_ks(acc_test[target], p)
        summary[name] = {"gini_accepts_test": round(g, 4), "ks_accepts_test": round(k, 4)}
    summary["reject_swap_in_rate"] = float(
        (ttd_model.predict_proba(rejects[feats])[:, 1] < np.median(pd_acc)).mean())
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
