"""TF-IDF feature construction for OCR text (word + character n-grams)."""
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer


class OcrTextFeaturizer:
    """Word n-grams capture layout keywords, char n-grams are robust to OCR noise."""

    def __init__(self, cfg: dict):
        self.word = TfidfVectorizer(
            analyzer="word",
            ngram_range=tuple(cfg["word_ngrams"]),
            max_features=cfg["max_word_features"],
            sublinear_tf=cfg["sublinear_tf"],
            min_df=2,
        )
        self.char = TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=tuple(cfg["char_ngrams"]),
            max_features=cfg["max_char_features"],
            sublinear_tf=cfg["sublinear_tf"],
            min_df=3,
        )

    def fit_transform(self, texts):
        return hstack([self.word.fit_transform(texts), self.char.fit_transform(texts)]).tocsr()

    def transform(self, texts):
        return hstack([self.word.transform(texts), self.char.transform(texts)]).tocsr()
