"""Blood-brain-barrier penetration (BBBP) with Morgan fingerprints + XGBoost, scaffold split."""
import json
import random

import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, average_precision_score, roc_auc_score, roc_curve
from xgboost import XGBClassifier

from molprop.featurize import mol_from_smiles, morgan_bits, physchem
from molprop.splits import scaffold_split


def main(params_path="params.json"):
    params = json.load(open(params_path))
    seed = params["seed"]
    random.seed(seed)
    np.random.seed(seed)

    df = pd.read_csv(params["data_path"])
    df["mol"] = df[params["smiles_col"]].map(mol_from_smiles)
    df = df[df["mol"].notna()].reset_index(drop=True)
    mols, y = df["mol"].tolist(), df[params["target_col"]].values
    print(f"{len(df)} molecules, positive rate {y.mean():.3f}")

    fp = params["fingerprint"]
    X = np.hstack([morgan_bits(mols, fp["radius"], fp["n_bits"]), physchem(mols)])

    tr, va, te = scaffold_split(mols, params["split"]["frac_train"], params["split"]["frac_valid"])
    print(f"scaffold split sizes: train {len(tr)} valid {len(va)} test {len(te)}")

    xp = params["xgb"]
    model = XGBClassifier(
        n_estimators=xp["n_estimators"],
        max_depth=xp["max_depth"],
        learning_rate=xp["learning_rate"],
        subsample=xp["subsample"],
        colsample_bytree=xp["colsample_bytree"],
        min_child_weight=xp["min_child_weight"],
        early_stopping_rounds=xp["early_stopping_rounds"],
        eval_metric="auc",
        random_state=seed,
    )
    model.fit(X[tr], y[tr], eval_set=[(X[va], y[va])], verbose=200)

    n_fp = fp["n_bits"]
    fp_logreg = LogisticRegression(C=0.1, max_iter=5000).fit(X[tr][:, :n_fp], y[tr])
    prior = DummyClassifier(strategy="prior").fit(X[tr], y[tr])

    # decision threshold: Youden's J on the validation scaffolds
    fpr, tpr, thr = roc_curve(y[va], model.predict_proba(X[va])[:, 1])
    threshold = float(thr[np.argmax(tpr - fpr)])

    p_test = model.predict_proba(X[te])[:, 1]
    report = {
        "xgb_roc_auc": roc_auc_score(y[te], p_test),
        "xgb_pr_auc": average_precision_score(y[te], p_test),
        "xgb_balanced_acc@val_thr": balanced_accuracy_score(y[te], p_test >= threshold),
        "fp_logreg_roc_auc": roc_auc_score(y[te], fp_logreg.predict_proba(X[te][:, :n_fp])[:, 1]),
        "prior_pr_auc": average_precision_score(y[te], prior.predict_proba(X[te])[:, 1]),
        "threshold": threshold,
        "best_iteration": int(model.best_iteration),
    }
    print(json.dumps(report, indent=2))
    model.save_model("artifacts/bbbp_xgb.json")


if __name__ == "__main__":
    main()
