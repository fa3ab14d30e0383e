from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline as ImbPipeline
from lightgbm import LGBMClassifier
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def _prep(p):
    return ColumnTransformer(
        [
            ("num", StandardScaler(), list(p.numeric)),
            ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), list(p.categorical)),
        ]
    )


def candidate_pipelines(p) -> dict:
    return {
        "dummy": Pipeline([("prep", _prep(p)), ("clf", DummyClassifier(strategy="prior"))]),
        "logreg_balanced": Pipeline(
            [("prep", _prep(p)), ("clf", LogisticRegression(class_weight="balanced", max_iter=2000))]
        ),
        "smote_lgbm": ImbPipeline(
            [
                ("prep", _prep(p)),
                ("smote", SMOTE(sampling_strategy=p.smote_ratio, random_state=p.seed)),
                ("clf", LGBMClassifier(random_state=p.seed, verbose=-1, **p.lgbm)),
            ]
        ),
    }
