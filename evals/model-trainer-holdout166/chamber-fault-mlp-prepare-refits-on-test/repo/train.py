import argparse

import joblib
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.neural_network import MLPClassifier

from preprocess import load, prepare


def main():
    ap = argparse.ArgumentParser(description="Etch chamber fault detection from FDC run summaries")
    ap.add_argument("--data", default="data/etch_fdc_runs.parquet")
    ap.add_argument("--seed", type=int, default=21)
    ap.add_argument("--test-size", type=float, default=0.25)
    args = ap.parse_args()

    df = load(args.data)
    print(df["fault"].value_counts().to_dict())

    splitter = GroupShuffleSplit(n_splits=1, test_size=args.test_size, random_state=args.seed)
    tr, te = next(splitter.split(df, groups=df["lot_id"]))
    train_df, test_df = df.iloc[tr], df.iloc[te]

    X_train, y_train = prepare(train_df)

    mlp = MLPClassifier(
        hidden_layer_sizes=(64, 32),
        alpha=1e-3,
        learning_rate_init=1e-3,
        max_iter=400,
        early_stopping=True,
        validation_fraction=0.15,
        n_iter_no_change=15,
        random_state=args.seed,
    )
    mlp.fit(X_train, y_train)

    X_test, y_test = prepare(test_df)
    proba = mlp.predict_proba(X_test)[:, 1]
    print(f"test ROC-AUC: {roc_auc_score(y_test, proba):.4f}")
    print(classification_report(y_test, (proba >= 0.5).astype(int), target_names=["normal", "fault"], digits=3))

    joblib.dump(mlp, "chamber_fault_mlp.joblib")


if __name__ == "__main__":
    main()
