from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import accuracy_score, f1_score
from sklearn.pipeline import make_pipeline
from sklearn.svm import LinearSVC


def tfidf_svm_baseline(train, evals: dict, seed: int) -> dict:
    """Word+bigram TF-IDF with a linear SVM, fitted on the training split only."""
    model = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1),
                          LinearSVC(C=0.7, random_state=seed))
    model.fit(train["text"], train["label"])
    out = {}
    for name, split in evals.items():
        pred = model.predict(split["text"])
        out[name] = {"accuracy": accuracy_score(split["label"], pred),
                     "macro_f1": f1_score(split["label"], pred, average="macro")}
    return out
