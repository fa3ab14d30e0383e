from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.pipeline import make_pipeline


def tfidf_baseline(splits, text_col, label_col, seed):
    pipe = make_pipeline(
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=3, sublinear_tf=True),
        LogisticRegression(C=4.0, max_iter=3000, class_weight="balanced", random_state=seed),
    )
    pipe.fit(splits["train"][text_col], splits["train"][label_col])
    pred = pipe.predict(splits["test"][text_col])
    y = splits["test"][label_col]
    return {"accuracy": accuracy_score(y, pred), "macro_f1": f1_score(y, pred, average="macro")}
