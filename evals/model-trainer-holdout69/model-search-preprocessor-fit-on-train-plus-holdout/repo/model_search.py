"""Search several model families for the airline satisfaction task.

train.csv / holdout.csv are the labelled files exported by the survey team.
"""
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import ExtraTreesClassifier, HistGradientBoostingClassifier
from sklearn.impute import KNNImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from sklearn.model_selection import RandomizedSearchCV, StratifiedKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

DATA_DIR = Path("data/airline_survey")
TARGET = "satisfied"
CATEGORICAL = ["gender", "customer_type", "travel_type", "travel_class"]
NUMERIC = [
    "age", "flight_distance", "departure_delay_min", "arrival_delay_min",
    "wifi_rating", "seat_comfort_rating", "food_rating", "checkin_rating",
    "boarding_rating", "cleanliness_rating", "legroom_rating", "inflight_ent_rating",
]
FEATURES = NUMERIC + CATEGORICAL

ESTIMATORS = {
    "hist_gb": lambda seed: HistGradientBoostingClassifier(max_iter=500, early_stopping=True,
                                                           random_state=seed),
    "extra_trees": lambda seed: ExtraTreesClassifier(n_jobs=-1, random_state=seed),
    "logreg": lambda seed: LogisticRegression(max_iter=4000),
}


def main():
    space = yaml.safe_load(Path("search_space.yaml").read_text())
    seed = space["seed"]

    train_df = pd.read_csv(DATA_DIR / "train.csv")
    holdout_df = pd.read_csv(DATA_DIR / "holdout.csv")
    y_train = (train_df[TARGET] == "satisfied").astype(int).to_numpy()
    y_hold = (holdout_df[TARGET] == "satisfied").astype(int).to_numpy()

    preprocess = ColumnTransformer([
        ("num", make_pipeline(KNNImputer(n_neighbors=10), StandardScaler()), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CATEGORICAL),
    ])
    all_rows = pd.concat([train_df[FEATURES], holdout_df[FEATURES]], ignore_index=True)
    preprocess.fit(all_rows)
    X_train = preprocess.transform(train_df[FEATURES])
    X_hold = preprocess.transform(holdout_df[FEATURES])

    cv = StratifiedKFold(space["cv_folds"], shuffle=True, random_state=seed)
    searches = {}
    for family, grid in space["families"].items():
        search = RandomizedSearchCV(
            ESTIMATORS[family](seed), grid, n_iter=space["n_iter"], scoring=space["scoring"],
            cv=cv, random_state=seed, n_jobs=-1,
        )
        search.fit(X_train, y_train)
        searches[family] = search
        print(f"{family:>12}: cv {space['scoring']}={search.best_score_:.4f}  {search.best_params_}")

    winner = max(searches, key=lambda f: searches[f].best_score_)
    model = searches[winner].best_estimator_
    proba = model.predict_proba(X_hold)[:, 1]

    train_cut = np.median(searches[winner].predict_proba(X_train)[:, 1])
    prior = DummyClassifier(strategy="prior").fit(X_train, y_train).predict_proba(X_hold)[:, 1]
    print(f"winner: {winner}")
    print(f"holdout AUC {roc_auc_score(y_hold, proba):.4f}  AP {average_precision_score(y_hold, proba):.4f}")
    print(f"holdout F1 @ train-median cut {f1_score(y_hold, proba >= train_cut):.4f}")
    print(f"prior AUC {roc_auc_score(y_hold, prior):.4f}  AP {average_precision_score(y_hold, prior):.4f}")


if __name__ == "__main__":
    main()
