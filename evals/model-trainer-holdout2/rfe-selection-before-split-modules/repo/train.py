"""Train the charge-off model on the 2016-2018 loan book."""
import argparse
from pathlib import Path

import lightgbm as lgb
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

from credit.data import TARGET, load_loans
from credit.features import add_ratios, encode, select_features


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("data/loans_2016_2018.parquet"))
    parser.add_argument("--n-features", type=int, default=25)
    parser.add_argument("--seed", type=int, default=17)
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    loans = encode(add_ratios(load_loans(args.data)))
    kept = select_features(loans, n_keep=args.n_features)
    print(f"RFE kept {len(kept)} features: {kept}")

    train_rows, test_rows = train_test_split(
        loans, test_size=0.2, stratify=loans[TARGET], random_state=args.seed
    )
    model = lgb.LGBMClassifier(
        n_estimators=600, learning_rate=0.03, num_leaves=31, subsample=0.8, subsample_freq=1,
        colsample_bytree=0.8, random_state=args.seed, verbose=-1,
    )
    model.fit(train_rows[kept], train_rows[TARGET])
    baseline = DummyClassifier(strategy="prior").fit(train_rows[kept], train_rows[TARGET])

    for name, clf in [("prior", baseline), ("lightgbm", model)]:
        scores = clf.predict_proba(test_rows[kept])[:, 1]
        print(
            f"{name:>9}: ROC AUC={roc_auc_score(test_rows[TARGET], scores):.4f} "
            f"PR AUC={average_precision_score(test_rows[TARGET], scores):.4f}"
        )


if __name__ == "__main__":
    main()
