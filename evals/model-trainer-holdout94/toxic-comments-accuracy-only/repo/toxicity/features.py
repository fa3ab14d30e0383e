"""Word + character n-gram TF-IDF features for comment moderation."""
import re

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion

REPEATS = re.compile(r"(.)\1{2,}")
USER_MENTION = re.compile(r"@\w+")
URL = re.compile(r"https?://\S+")


def normalise_comment(text: str) -> str:
    text = text.lower()
    text = URL.sub(" url ", text)
    text = USER_MENTION.sub(" user ", text)
    return REPEATS.sub(r"\1\1", text)


def build_features(max_word_features=100_000, max_char_features=200_000) -> FeatureUnion:
    word = TfidfVectorizer(
        preprocessor=normalise_comment, analyzer="word", ngram_range=(1, 2),
        min_df=3, max_features=max_word_features, sublinear_tf=True,
    )
    char = TfidfVectorizer(
        preprocessor=normalise_comment, analyzer="char_wb", ngram_range=(2, 5),
        min_df=5, max_features=max_char_features, sublinear_tf=True,
    )
    return FeatureUnion([("word", word), ("char", char)])
