import lightgbm as lgb
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from xgboost import XGBClassifier

NUMERIC = ["person_age", "person_income", "person_emp_length", "loan_amnt", "loan_int_rate",
           "loan_percent_income", "cb_person_cred_hist_length"]
CATEGORIES = {
    "person_home_ownership": ["RENT", "OWN", "MORTGAGE", "OTHER"],
    "loan_intent": ["EDUCATION", "MEDICAL", "VENTURE", "PERSONAL", "DEBTCONSOLIDATION", "HOMEIMPROVEMENT"],
    "loan_grade": list("ABCDEFG"),
    "cb_person_default_on_file": ["N", "Y"],
}


def cast_categories(df: pd.DataFrame) -> pd.DataFrame:
    """Fixed, documented category sets, so no vocabulary is learned from the data."""
    df = df.copy()
    for col, cats in CATEGORIES.items():
        df[col] = pd.Categorical(df[col], categories=cats)
    return df


def build_base_models(cfg: dict, seed: int) -> dict:
    linear = make_pipeline(
        ColumnTransformer([
            ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), NUMERIC),
            ("cat", OneHotEncoder(handle_unknown="ignore"), list(CATEGORIES)),
        ]),
        LogisticRegression(C=cfg["logreg_C"], max_iter=3000),
    )
    return {
        "logreg": linear,
        "lgbm": lgb.LGBMClassifier(**cfg["lgbm"], random_state=seed, verbose=-1),
        "xgb": XGBClassifier(**cfg["xgb"], tree_method="hist", enable_categorical=True,
                             eval_metric="logloss", random_state=seed),
    }
