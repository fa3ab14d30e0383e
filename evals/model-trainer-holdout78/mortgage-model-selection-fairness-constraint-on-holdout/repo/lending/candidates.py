from catboost import CatBoostClassifier
from lightgbm import LGBMClassifier
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from xgboost import XGBClassifier

NUMERIC = ["loan_amount", "income", "loan_to_value_ratio", "debt_to_income_ratio",
           "property_value", "loan_term", "applicant_credit_score", "combined_loan_to_value_ratio"]
CATEGORICAL = ["loan_purpose", "occupancy_type", "lien_status", "loan_type", "county_code"]


def _linear(C):
    pre = ColumnTransformer([
        ("num", StandardScaler(), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=50), CATEGORICAL),
    ])
    return Pipeline([("pre", pre), ("clf", LogisticRegression(C=C, max_iter=3000))])


def _trees(model):
    pre = ColumnTransformer([
        ("num", "passthrough", NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=50), CATEGORICAL),
    ])
    return Pipeline([("pre", pre), ("clf", model)])


def candidate_models(seed: int) -> dict:
    return {
        "logit_C0.1": _linear(0.1),
        "logit_C1": _linear(1.0),
        "xgb_d4": _trees(XGBClassifier(n_estimators=400, max_depth=4, learning_rate=0.05,
                                       subsample=0.8, random_state=seed)),
        "xgb_d6": _trees(XGBClassifier(n_estimators=600, max_depth=6, learning_rate=0.03,
                                       subsample=0.8, random_state=seed)),
        "lgbm_31": _trees(LGBMClassifier(n_estimators=500, num_leaves=31, learning_rate=0.05,
                                         random_state=seed, verbose=-1)),
        "catboost_d6": _trees(CatBoostClassifier(iterations=800, depth=6, learning_rate=0.05,
                                                 random_seed=seed, verbose=0)),
    }
