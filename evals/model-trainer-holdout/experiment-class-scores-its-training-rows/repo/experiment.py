"""A small experiment wrapper so the churn model can be retrained from the scheduler."""
from dataclasses import dataclass, field

import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder


@dataclass
class ChurnExperiment:
    frame: pd.DataFrame
    label: str
    numeric: list
    categorical: list
    seed: int = 17
    metrics: dict = field(default_factory=dict)

    def __post_init__(self):
        self.features = self.frame[self.numeric + self.categorical]
        self.target = self.frame[self.label]

    def build(self) -> Pipeline:
        columns = ColumnTransformer([
            ("num", SimpleImputer(strategy="median"), self.numeric),
            ("cat", make_pipeline(SimpleImputer(strategy="most_frequent"),
                                  OneHotEncoder(handle_unknown="ignore")), self.categorical),
        ])
        forest = RandomForestClassifier(
            n_estimators=500, min_samples_leaf=5, class_weight="balanced", random_state=self.seed, n_jobs=-1
        )
        return Pipeline([("columns", columns), ("forest", forest)])

    def fit(self):
        self.model = self.build().fit(self.features, self.target)
        return self

    def evaluate(self):
        scores = self.model.predict_proba(self.features)[:, 1]
        self.metrics = {
            "roc_auc": roc_auc_score(self.target, scores),
            "pr_auc": average_precision_score(self.target, scores),
            "f1": f1_score(self.target, scores >= 0.5),
        }
        return self.metrics
