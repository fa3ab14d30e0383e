from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import SGDClassifier
from sklearn.pipeline import FeatureUnion, Pipeline


def text_pipeline(seed: int, alpha: float = 1e-5) -> Pipeline:
    features = FeatureUnion([
        ("words", TfidfVectorizer(ngram_range=(1, 2), min_df=3, max_df=0.9, sublinear_tf=True)),
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=5, sublinear_tf=True)),
    ])
    clf = SGDClassifier(loss="modified_huber", alpha=alpha, max_iter=50, tol=1e-4,
                        class_weight="balanced", random_state=seed)
    return Pipeline([("features", features), ("clf", clf)])


def baseline() -> DummyClassifier:
    return DummyClassifier(strategy="most_frequent")
