from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.pipeline import make_pipeline


def run_baselines(train_texts, train_labels, test_texts, test_labels, seed):
    models = {
        "majority": DummyClassifier(strategy="most_frequent"),
        "tfidf_logreg": make_pipeline(
            TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
            LogisticRegression(max_iter=3000, random_state=seed),
        ),
    }
    results = {}
    for name, model in models.items():
        model.fit(train_texts, train_labels)
        pred = model.predict(test_texts)
        results[name] = {
            "accuracy": accuracy_score(test_labels, pred),
            "macro_f1": f1_score(test_labels, pred, average="macro"),
        }
    return results
