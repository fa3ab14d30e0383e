"""Route helpdesk e-mails to the owning team.

usage: python train.py --data data/helpdesk_emails.csv --seed 0
"""
import argparse

import joblib
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import classification_report, f1_score
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.svm import LinearSVC

from data import drop_duplicate_emails, load_emails, split_by_thread


def build_model(seed: int) -> Pipeline:
    features = FeatureUnion([
        ("word", TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_df=0.9, sublinear_tf=True)),
        ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=5, sublinear_tf=True)),
    ])
    return Pipeline([
        ("features", features),
        ("svm", LinearSVC(C=0.3, class_weight="balanced", random_state=seed)),
    ])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/helpdesk_emails.csv")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", default="models/team_router.joblib")
    args = ap.parse_args()

    emails = load_emails(args.data)
    n_raw = len(emails)
    emails = drop_duplicate_emails(emails)
    print(f"{n_raw} e-mails, {len(emails)} after de-duplication, {emails['thread_id'].nunique()} threads")

    train_df, test_df = split_by_thread(emails, test_size=0.2)
    print(f"train={len(train_df)} test={len(test_df)}")

    model = build_model(args.seed)
    model.fit(train_df["clean_body"], train_df["team"])

    pred = model.predict(test_df["clean_body"])
    print(classification_report(test_df["team"], pred, digits=3))
    print("macro F1:", round(f1_score(test_df["team"], pred, average="macro"), 4))

    joblib.dump(model, args.out)


if __name__ == "__main__":
    main()
