import json
import sys

from sklearn.metrics import average_precision_score, roc_auc_score

from pipeline.data import load_lines, three_way_split
from pipeline.model import fit_with_early_stopping, refit


def main(conf_path="conf/train.json"):
    cfg = json.load(open(conf_path))
    feats, target = cfg["categorical"] + cfg["numeric"], cfg["target"]

    df = load_lines(cfg)
    train, valid, test = three_way_split(df, cfg)
    print(f"train {len(train):,} | valid {len(valid):,} | test {len(test):,}")

    model, best_iter = fit_with_early_stopping(train, valid, feats, target, cfg)
    p_val = model.predict_proba(valid[feats])[:, 1]
    print(f"valid AP {average_precision_score(valid[target], p_val):.4f} @ {best_iter} rounds")

    final = refit(train, valid, feats, target, cfg, best_iter)
    p_test = final.predict_proba(test[feats])[:, 1]
    print(f"test  AP {average_precision_score(test[target], p_test):.4f} | "
          f"AUC {roc_auc_score(test[target], p_test):.4f} | return rate {test[target].mean():.3f}")

    final.booster_.save_model(cfg["model_out"])


if __name__ == "__main__":
    main(*sys.argv[1:])
