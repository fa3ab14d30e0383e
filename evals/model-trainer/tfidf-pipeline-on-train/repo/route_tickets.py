import joblib
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline

SEED = 13

tickets = pd.read_csv("data/tickets.csv", usecols=["subject", "body", "queue"]).dropna(subset=["body", "queue"])
text = (tickets["subject"].fillna("") + " " + tickets["body"]).str.lower()
X_train, X_test, y_train, y_test = train_test_split(
    text, tickets["queue"], test_size=0.2, stratify=tickets["queue"], random_state=SEED
)

pipe = Pipeline([
    ("tfidf", TfidfVectorizer(sublinear_tf=True)),
    ("clf", LogisticRegression(max_iter=5000, class_weight="balanced")),
])
grid = {
    "tfidf__ngram_range": [(1, 1), (1, 2)],
    "tfidf__min_df": [2, 5],
    "clf__C": [0.3, 1.0, 3.0],
}
search = GridSearchCV(pipe, grid, cv=StratifiedKFold(5, shuffle=True, random_state=SEED), scoring="f1_macro", n_jobs=-1)
search.fit(X_train, y_train)
print("best params", search.best_params_, "CV macro F1", round(search.best_score_, 4))

pred = search.predict(X_test)
print(classification_report(y_test, pred, digits=3))
baseline = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
print("majority baseline macro F1", round(f1_score(y_test, baseline.predict(X_test), average="macro"), 4))
joblib.dump(search.best_estimator_, "artifacts/ticket_router.joblib")
