from sklearn.dummy import DummyClassifier
from sklearn.metrics import accuracy_score


def evaluate(model, X_train, y_train, X_hold, y_hold) -> dict:
    majority = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
    return {
        "majority_accuracy": accuracy_score(y_hold, majority.predict(X_hold)),
        "forest_accuracy": accuracy_score(y_hold, model.predict(X_hold)),
    }
