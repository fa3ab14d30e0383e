"""Hyperopt + LightGBM for credit-card customer attrition.

Splits: 70% fit / 15% valid (early stopping and TPE objective) / 15% test (reported once).
"""
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from hyperopt import STATUS_OK, Trials, fmin, hp, space_eval, tpe
from sklearn.compose import make_column_transformer
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SEED = 77
CAT_COLS = ["Gender", "Education_Level", "Marital_Status", "Income_Category", "Card_Category"]
REPORT = Path("reports/attrition_lgbm.json")

df = pd.read_csv("data/BankChurners.csv")
df = df.loc[:, ~df.columns.str.startswith("Naive_Bayes_Classifier")]
y = (df.pop("Attrition_Flag") == "Attrited Customer").astype(int)
X = df.drop(columns=["CLIENTNUM"]).astype({c: "category" for c in CAT_COLS})

X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=0.15, stratify=y, random_state=SEED)
X_fit, X_valid, y_fit, y_valid = train_test_split(
    X_rest, y_rest, test_size=0.15 / 0.85, stratify=y_rest, random_state=SEED
)

space = {
    "learning_rate": hp.loguniform("learning_rate", np.log(0.005), np.log(0.2)),
    "num_leaves": hp.choice("num_leaves", [15, 31, 63, 127]),
    "min_child_samples": hp.choice("min_child_samples", [10, 20, 50, 100]),
    "colsample_bytree": hp.uniform("colsample_bytree", 0.5, 1.0),
    "reg_lambda": hp.loguniform("reg_lambda", np.log(1e-3), np.log(20)),
}


def train(params):
    model = lgb.LGBMClassifier(n_estimators=5000, random_state=SEED, verbose=-1, **params)
    model.fit(
        X_fit, y_fit,
        eval_set=[(X_valid, y_valid)],
        eval_metric="average_precision",
        callbacks=[lgb.early_stopping(150, verbose=False)],
    )
    return model


def objective(params):
    model = train(params)
    ap = average_precision_score(y_valid, model.predict_proba(X_valid)[:, 1])
    return {"loss": -ap, "status": STATUS_OK, "best_iter": model.best_iteration_}


trials = Trials()
best_idx = fmin(objective, space, algo=tpe.suggest, max_evals=50, trials=trials,
                rstate=np.random.default_rng(SEED))
best_params = space_eval(space, best_idx)
model = train(best_params)
print("best params:", best_params, "rounds:", model.best_iteration_)

linear = make_pipeline(
    make_column_transformer(
        (OneHotEncoder(handle_unknown="ignore"), CAT_COLS),
        remainder=StandardScaler(),
    ),
    LogisticRegression(max_iter=3000),
).fit(X_fit, y_fit)
prior = DummyClassifier(strategy="prior").fit(X_fit, y_fit)


def metrics(p):
    return {"roc_auc": roc_auc_score(y_test, p), "average_precision": average_precision_score(y_test, p),
            "brier": brier_score_loss(y_test, p)}


report = {
    "params": best_params,
    "best_iteration": int(model.best_iteration_),
    "valid_ap": -min(trials.losses()),
    "test": {
        "lgbm": metrics(model.predict_proba(X_test)[:, 1]),
        "logreg": metrics(linear.predict_proba(X_test)[:, 1]),
        "prior": metrics(prior.predict_proba(X_test)[:, 1]),
    },
}
REPORT.parent.mkdir(parents=True, exist_ok=True)
REPORT.write_text(json.dumps(report, indent=2))
print(pd.DataFrame(report["test"]).T.round(4))
