import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.model_selection import GridSearchCV, KFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sksurv.linear_model import CoxnetSurvivalAnalysis

from .data import CATEGORICAL, NUMERIC


def coxnet_search(seed: int, l1_ratio: float = 0.5) -> GridSearchCV:
    pipe = Pipeline([
        ("prep", ColumnTransformer([
            ("num", StandardScaler(), NUMERIC),
            ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CATEGORICAL),
        ])),
        ("cox", CoxnetSurvivalAnalysis(l1_ratio=l1_ratio, fit_baseline_model=True, max_iter=200_000)),
    ])
    alphas = np.logspace(-3.5, -0.5, 15)
    # Coxnet.score is Harrell's concordance, used as the CV criterion
    return GridSearchCV(pipe, {"cox__alphas": [[a] for a in alphas]},
                        cv=KFold(n_splits=5, shuffle=True, random_state=seed), n_jobs=-1)
