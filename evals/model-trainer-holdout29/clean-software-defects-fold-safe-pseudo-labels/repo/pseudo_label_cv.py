"""Software defect prediction with fold-safe pseudo-labelling.

For fold k:
  teacher_k  <- fit on train rows outside fold k
  pseudo_k   <- confident teacher_k predictions on the unlabelled test rows
  student_k  <- fit on (train rows outside fold k) + pseudo_k
  score      <- student_k and teacher_k on the fold-k rows (original labels only)
"""
import argparse
import logging

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer, StandardScaler

log = logging.getLogger("pseudo")

HALSTEAD = ["n", "v", "l", "d", "i", "e", "b", "t"]


def add_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["log_loc"] = np.log1p(df["loc"])
    df["comment_ratio"] = df["lOComment"] / (df["loc"] + 1)
    df["blank_ratio"] = df["lOBlank"] / (df["loc"] + 1)
    df["branch_per_loc"] = df["branchCount"] / (df["loc"] + 1)
    df["complexity_density"] = df["v(g)"] / (df["loc"] + 1)
    df["unique_op_ratio"] = df["uniq_Op"] / (df["total_Op"] + 1)
    df["unique_opnd_ratio"] = df["uniq_Opnd"] / (df["total_Opnd"] + 1)
    for c in HALSTEAD:
        df[f"log_{c}"] = np.log1p(df[c].clip(lower=0))
    return df


def make_xgb(seed):
    return xgb.XGBClassifier(n_estimators=700, learning_rate=0.02, max_depth=4, min_child_weight=8,
                             subsample=0.8, colsample_bytree=0.5, reg_lambda=4.0, random_state=seed)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", default="input/train.csv")
    ap.add_argument("--test", default="input/test.csv")
    ap.add_argument("--seed", type=int, default=73)
    ap.add_argument("--confidence", type=float, default=0.05,
                    help="keep test rows with p < c or p > 1 - c as pseudo-labels")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    train = add_features(pd.read_csv(args.train))
    test = add_features(pd.read_csv(args.test))
    y = train["defects"].astype(int).to_numpy()
    feats = [c for c in train.columns if c not in ("id", "defects")]
    X, X_test = train[feats], test[feats]

    skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=args.seed)
    oof_teacher, oof_student, oof_lr = (np.zeros(len(train)) for _ in range(3))
    test_pred = np.zeros(len(test))
    for k, (tr, va) in enumerate(skf.split(X, y)):
        teacher = make_xgb(args.seed).fit(X.iloc[tr], y[tr])
        oof_teacher[va] = teacher.predict_proba(X.iloc[va])[:, 1]

        p_unl = teacher.predict_proba(X_test)[:, 1]
        keep = (p_unl < args.confidence) | (p_unl > 1 - args.confidence)
        X_aug = pd.concat([X.iloc[tr], X_test[keep]], ignore_index=True)
        y_aug = np.r_[y[tr], (p_unl[keep] > 0.5).astype(int)]

        student = make_xgb(args.seed + 1).fit(X_aug, y_aug)
        oof_student[va] = student.predict_proba(X.iloc[va])[:, 1]
        test_pred += student.predict_proba(X_test)[:, 1] / skf.get_n_splits()

        lr = make_pipeline(FunctionTransformer(np.log1p), StandardScaler(), LogisticRegression(max_iter=3000))
        oof_lr[va] = lr.fit(X.iloc[tr].clip(lower=0), y[tr]).predict_proba(X.iloc[va].clip(lower=0))[:, 1]
        log.info("fold %d: %d pseudo rows | teacher %.4f student %.4f", k, int(keep.sum()),
                 roc_auc_score(y[va], oof_teacher[va]), roc_auc_score(y[va], oof_student[va]))

    for name, oof in [("teacher", oof_teacher), ("student", oof_student), ("logreg", oof_lr)]:
        log.info("%-8s OOF auc=%.5f logloss=%.5f", name, roc_auc_score(y, oof), log_loss(y, oof))
    pd.DataFrame({"id": test["id"], "defects": test_pred}).to_csv("submission.csv", index=False)


if __name__ == "__main__":
    main()
