"""High burnout (OLBI) among nurses from closed items + the open 'biggest stressor' comment."""
import argparse
import os

import pandas as pd
import wandb
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from text_utils import clean_comment

CLOSED = ["staffing_adequacy", "mandatory_overtime", "shift_length_h", "nights_month",
          "manager_support", "peer_support", "years_rn", "age", "female", "icu", "ed"]
TEXT = "stressor_comment"


def main(args):
    run = wandb.init(project="nurse-burnout-text", config=vars(args),
                     mode="online" if os.environ.get("WANDB_API_KEY") else "disabled")

    df = pd.read_csv(args.data)
    df = df.dropna(subset=["olbi_exhaustion", "olbi_disengagement"])
    df["high_burnout"] = ((df["olbi_exhaustion"] >= 2.25) & (df["olbi_disengagement"] >= 2.10)).astype(int)
    df[TEXT] = df[TEXT].map(clean_comment)

    X_train, X_test, y_train, y_test = train_test_split(
        df[CLOSED + [TEXT]], df["high_burnout"], test_size=0.2,
        stratify=df["high_burnout"], random_state=args.seed,
    )

    pre = ColumnTransformer([
        ("closed", Pipeline([("imp", SimpleImputer(strategy="median")), ("sc", StandardScaler())]), CLOSED),
        ("text", TfidfVectorizer(ngram_range=(1, 2), min_df=5, sublinear_tf=True), TEXT),
    ])
    pipe = Pipeline([("pre", pre), ("clf", LogisticRegression(max_iter=5000, random_state=args.seed))])
    grid = {
        "pre__text__max_features": [2000, 10000],
        "clf__C": [0.1, 0.3, 1.0, 3.0],
    }
    search = GridSearchCV(
        pipe, grid, scoring="roc_auc",
        cv=StratifiedKFold(5, shuffle=True, random_state=args.seed), n_jobs=-1,
    )
    search.fit(X_train, y_train)

    p = search.predict_proba(X_test)[:, 1]
    metrics = {
        "cv_auc": search.best_score_,
        "test_auc": roc_auc_score(y_test, p),
        "test_ap": average_precision_score(y_test, p),
        **{f"best_{k}": v for k, v in search.best_params_.items()},
    }
    print(metrics)
    run.log(metrics)

    vocab = search.best_estimator_["pre"].named_transformers_["text"].get_feature_names_out()
    coefs = search.best_estimator_["clf"].coef_[0][-len(vocab):]
    top = pd.Series(coefs, index=vocab).sort_values(ascending=False).head(25)
    print(top.round(3))
    run.finish()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/nurse_survey_comments_2023.csv")
    ap.add_argument("--seed", type=int, default=10)
    main(ap.parse_args())
