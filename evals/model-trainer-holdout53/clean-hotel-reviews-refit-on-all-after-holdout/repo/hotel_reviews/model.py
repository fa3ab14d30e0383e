from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC


def build_pipeline(vcfg, mcfg, seed):
    return Pipeline([
        ("tfidf", TfidfVectorizer(
            ngram_range=tuple(vcfg["ngram_range"]), min_df=vcfg["min_df"], max_df=vcfg["max_df"],
            max_features=vcfg["max_features"], sublinear_tf=True)),
        ("svm", LinearSVC(C=mcfg["C"], class_weight=mcfg["class_weight"], random_state=seed)),
    ])
