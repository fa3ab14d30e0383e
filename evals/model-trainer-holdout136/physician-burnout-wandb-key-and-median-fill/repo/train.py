"""High-burnout classifier for the 2023 physician wellness survey."""
import pandas as pd
import wandb
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from utils import init_wandb, load_config

WORKLOAD = ["hours_per_week", "nights_per_month", "ehr_hours_after_clinic", "patients_per_day"]
CONTROL = [f"ctrl{i}" for i in range(1, 6)]        # Mini-Z style items, 1-5
VALUES = ["values_alignment", "leadership_support", "teamwork", "documentation_burden"]
PERSONAL = ["age", "female", "years_in_practice", "has_children", "sleep_hours"]
SPECIALTY = ["specialty_em", "specialty_im", "specialty_surgery", "specialty_peds", "specialty_psych"]
FEATURES = WORKLOAD + CONTROL + VALUES + PERSONAL + SPECIALTY

cfg = load_config()
run = init_wandb(cfg)

df = pd.read_csv(cfg["data"]["path"])
df = df.dropna(subset=["mbi_ee", "mbi_dp"])
df["burnout_high"] = (
    (df["mbi_ee"] >= cfg["burnout"]["ee_cutoff"]) | (df["mbi_dp"] >= cfg["burnout"]["dp_cutoff"])
).astype(int)
df[FEATURES] = df[FEATURES].fillna(df[FEATURES].median())
print(f"n={len(df)}  high burnout rate={df['burnout_high'].mean():.3f}")

X_train, X_test, y_train, y_test = train_test_split(
    df[FEATURES], df["burnout_high"], test_size=cfg["data"]["test_size"],
    stratify=df["burnout_high"], random_state=cfg["seed"],
)

clf = make_pipeline(
    StandardScaler(),
    LogisticRegression(
        C=cfg["model"]["C"], penalty=cfg["model"]["penalty"],
        max_iter=cfg["model"]["max_iter"], random_state=cfg["seed"],
    ),
)
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=cfg["seed"])
cv_auc = cross_val_score(clf, X_train, y_train, cv=cv, scoring="roc_auc")

clf.fit(X_train, y_train)
proba = clf.predict_proba(X_test)[:, 1]
metrics = {
    "cv_auc": cv_auc.mean(),
    "test_auc": roc_auc_score(y_test, proba),
    "test_ap": average_precision_score(y_test, proba),
    "test_brier": brier_score_loss(y_test, proba),
}
print(metrics)
wandb.log(metrics)

coefs = pd.Series(clf[-1].coef_[0], index=FEATURES).sort_values()
wandb.log({"coefficients": wandb.Table(dataframe=coefs.rename("coef").reset_index())})
run.finish()
