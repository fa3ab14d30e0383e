"""Music genre classification on GTZAN (30 s clip summary features) with an RBF SVM."""
import json

import joblib
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import LabelEncoder, StandardScaler
from sklearn.svm import SVC

SEED = 31
FEATURES_CSV = "data/gtzan/features_30_sec.csv"
# jazz.00054 is a corrupt file in the original release
DROP = {"jazz.00054.wav"}


def load():
    df = pd.read_csv(FEATURES_CSV)
    df = df[~df["filename"].isin(DROP)].reset_index(drop=True)
    X = df.drop(columns=["filename", "length", "label"])
    y = LabelEncoder().fit_transform(df["label"])
    return X, y, sorted(df["label"].unique())


def main():
    X, y, genres = load()
    print(f"{X.shape[0]} tracks, {X.shape[1]} summary features, {len(genres)} genres")

    selector = SelectKBest(f_classif, k=30)
    X_sel = selector.fit_transform(X, y)
    kept = X.columns[selector.get_support()].tolist()

    X_train, X_test, y_train, y_test = train_test_split(
        X_sel, y, test_size=0.2, stratify=y, random_state=SEED
    )

    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    search = GridSearchCV(
        make_pipeline(StandardScaler(), SVC(kernel="rbf")),
        {"svc__C": [1, 3, 10, 30], "svc__gamma": ["scale", 0.01, 0.003]},
        cv=cv,
        scoring="f1_macro",
        n_jobs=-1,
    )
    search.fit(X_train, y_train)
    print("best params:", search.best_params_, f"cv macro-F1 {search.best_score_:.3f}")

    baselines = {
        "majority": DummyClassifier(strategy="most_frequent"),
        "logreg": make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, random_state=SEED)),
    }
    results = {}
    for name, est in baselines.items():
        est.fit(X_train, y_train)
        p = est.predict(X_test)
        results[name] = {"accuracy": accuracy_score(y_test, p), "macro_f1": f1_score(y_test, p, average="macro")}

    pred = search.predict(X_test)
    results["svm"] = {"accuracy": accuracy_score(y_test, pred), "macro_f1": f1_score(y_test, pred, average="macro")}
    print(json.dumps(results, indent=2))
    print(classification_report(y_test, pred, target_names=genres, digits=3))

    joblib.dump({"selector_columns": kept, "model": search.best_estimator_}, "gtzan_svm.joblib")
    np.save("gtzan_selected_features.npy", np.array(kept))


if __name__ == "__main__":
    main()
