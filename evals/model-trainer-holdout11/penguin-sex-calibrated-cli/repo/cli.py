import argparse
import json

import joblib
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_score

from penguins import data, model
from penguins.evaluate import calibrate_and_score


def cmd_train(args):
    df = data.load(args.csv)
    X_tr, X_te, y_tr, y_te = data.split(df, args.test_size, args.seed)
    pipe = model.build(args.seed)
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=args.seed)
    cv_auc = cross_val_score(pipe, X_tr, y_tr, cv=cv, scoring="roc_auc")
    pipe.fit(X_tr, y_tr)
    dummy = model.baseline().fit(X_tr, y_tr)
    calibrated, test_scores = calibrate_and_score(pipe, X_te, y_te)
    test_scores["cv_auc_mean"] = float(cv_auc.mean())
    test_scores["dummy_brier"] = brier_score_loss(y_te, dummy.predict_proba(X_te)[:, 1])
    test_scores["dummy_auc"] = roc_auc_score(y_te, dummy.predict_proba(X_te)[:, 1])
    print(json.dumps(test_scores, indent=2))
    joblib.dump(calibrated, args.out)


def main():
    ap = argparse.ArgumentParser(prog="penguins")
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train")
    t.add_argument("--csv", default="data/penguins_size.csv")
    t.add_argument("--test-size", type=float, default=0.25)
    t.add_argument("--seed", type=int, default=5)
    t.add_argument("--out", default="artifacts/penguin_sex.joblib")
    t.set_defaults(func=cmd_train)
    args = ap.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
