"""Titanic: compare a few classifiers and write the Kaggle submission."""
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score
from sklearn.neighbors import KNeighborsClassifier
from sklearn.preprocessing import StandardScaler
from sklearn.pipeline import make_pipeline
from sklearn.svm import SVC

SEED = 0
FEATURES = ["Pclass", "Sex", "Age", "SibSp", "Parch", "Fare", "Embarked", "Title", "FamilySize"]
TITLE_MAP = {"Mr": 0, "Miss": 1, "Mrs": 2, "Master": 3}


def prepare(df: pd.DataFrame, age_fill: float, fare_fill: float) -> pd.DataFrame:
    df = df.copy()
    df["Sex"] = df["Sex"].map({"male": 0, "female": 1})
    df["Embarked"] = df["Embarked"].fillna("S").map({"S": 0, "C": 1, "Q": 2})
    title = df["Name"].str.extract(r",\s*([^\.]+)\.", expand=False)
    df["Title"] = title.map(TITLE_MAP).fillna(4)
    df["FamilySize"] = df["SibSp"] + df["Parch"] + 1
    df["Age"] = df["Age"].fillna(age_fill)
    df["Fare"] = df["Fare"].fillna(fare_fill)
    return df[FEATURES]


def main():
    train = pd.read_csv("input/train.csv")
    test = pd.read_csv("input/test.csv")
    age_fill, fare_fill = train["Age"].median(), train["Fare"].median()
    X = prepare(train, age_fill, fare_fill)
    y = train["Survived"]
    X_test = prepare(test, age_fill, fare_fill)

    candidates = {
        "logreg": make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)),
        "knn": make_pipeline(StandardScaler(), KNeighborsClassifier(n_neighbors=7)),
        "svc": make_pipeline(StandardScaler(), SVC(C=3.0, gamma="scale")),
        "random_forest": RandomForestClassifier(n_estimators=500, min_samples_leaf=1, random_state=SEED),
        "grad_boost": GradientBoostingClassifier(n_estimators=400, max_depth=4, random_state=SEED),
    }

    scores = {}
    for name, model in candidates.items():
        model.fit(X, y)
        scores[name] = accuracy_score(y, model.predict(X))
        print(f"{name:>14}: accuracy {scores[name]:.4f}")

    best_name = max(scores, key=scores.get)
    best = candidates[best_name]
    print(f"best model: {best_name} ({scores[best_name]:.4f})")

    submission = pd.DataFrame({"PassengerId": test["PassengerId"], "Survived": best.predict(X_test)})
    submission.to_csv(f"submission_{best_name}.csv", index=False)


if __name__ == "__main__":
    main()
