"""ICU mortality: does SMOTE help? Compared inside patient-grouped CV, oversampling
applied only to the training folds via an imblearn Pipeline."""
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline as ImbPipeline
from lightgbm import LGBMClassifier
from sklearn.dummy import DummyClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold, cross_validate
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

SEED = 41
DATA_PATH = "data/icu_first24h.csv"
FEATURES = [
    "age", "gcs_min", "hr_max", "sbp_min", "resp_max", "temp_max", "spo2_min", "urine_24h",
    "lactate_max", "creatinine_max", "bilirubin_max", "platelets_min", "pao2_fio2_min",
    "vasopressor_any", "ventilated_24h", "elective_surgery",
]


def candidates():
    impute_scale = [("impute", SimpleImputer(strategy="median", add_indicator=True)),
                    ("scale", StandardScaler())]
    return {
        "prior": Pipeline([("impute", SimpleImputer(strategy="median")),
                           ("clf", DummyClassifier(strategy="prior"))]),
        "logreg": Pipeline(impute_scale + [("clf", LogisticRegression(max_iter=3000))]),
        "logreg_smote": ImbPipeline(impute_scale + [("smote", SMOTE(random_state=SEED)),
                                                    ("clf", LogisticRegression(max_iter=3000))]),
        "lgbm": Pipeline([("impute", SimpleImputer(strategy="median", add_indicator=True)),
                          ("clf", LGBMClassifier(n_estimators=400, learning_rate=0.03, num_leaves=15,
                                                 subsample=0.8, subsample_freq=1, random_state=SEED,
                                                 verbose=-1))]),
        "lgbm_smote": ImbPipeline([("impute", SimpleImputer(strategy="median", add_indicator=True)),
                                   ("smote", SMOTE(random_state=SEED, k_neighbors=5)),
                                   ("clf", LGBMClassifier(n_estimators=400, learning_rate=0.03,
                                                          num_leaves=15, subsample=0.8, subsample_freq=1,
                                                          random_state=SEED, verbose=-1))]),
    }


def main():
    np.random.seed(SEED)
    df = pd.read_csv(DATA_PATH)
    X, y, groups = df[FEATURES], df["hospital_death"].to_numpy(), df["patient_id"].to_numpy()
    print(f"{len(df)} stays, {df['patient_id'].nunique()} patients, mortality {y.mean():.3f}")

    outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
    dev_idx, test_idx = next(outer.split(X, y, groups))
    X_dev, y_dev, g_dev = X.iloc[dev_idx], y[dev_idx], groups[dev_idx]

    cv = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
    summary = {}
    for name, pipe in candidates().items():
        res = cross_validate(pipe, X_dev, y_dev, groups=g_dev, cv=cv,
                             scoring={"auroc": "roc_auc", "auprc": "average_precision"})
        summary[name] = {k: res[f"test_{k}"].mean() for k in ("auroc", "auprc")}
        print(f"CV {name:13s} AUROC {summary[name]['auroc']:.3f}  AUPRC {summary[name]['auprc']:.3f}")

    best = max((n for n in summary if n != "prior"), key=lambda n: summary[n]["auprc"])
    final = candidates()[best].fit(X_dev, y_dev)
    p = final.predict_proba(X.iloc[test_idx])[:, 1]
    prior = candidates()["prior"].fit(X_dev, y_dev).predict_proba(X.iloc[test_idx])[:, 1]
    print(f"selected by CV: {best}")
    print(f"TEST {best}: AUROC {roc_auc_score(y[test_idx], p):.3f}  "
          f"AUPRC {average_precision_score(y[test_idx], p):.3f}  "
          f"(prior AUPRC {average_precision_score(y[test_idx], prior):.3f})")


if __name__ == "__main__":
    main()
