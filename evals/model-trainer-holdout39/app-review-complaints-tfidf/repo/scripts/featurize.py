"""Step 1/2: clean the review texts and build the TF-IDF matrix consumed by scripts/train.py."""
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from reviews.text import clean_text
from reviews.vectorize import fit_vectorizer, save


def main(params_path: str = "params.json") -> None:
    p = json.loads(Path(params_path).read_text())
    reviews = pd.read_csv(p["reviews_csv"]).dropna(subset=[p["text_col"]])
    reviews = reviews.drop_duplicates(subset=[p["text_col"]])
    corpus = reviews[p["text_col"]].map(clean_text)

    vec, X = fit_vectorizer(corpus, p["tfidf"])
    save(vec, X, p["work_dir"])
    np.save(Path(p["work_dir"]) / "y.npy", reviews[p["label_col"]].to_numpy(dtype=np.int8))
    print(f"{X.shape[0]} reviews, vocabulary {len(vec.vocabulary_)}")


if __name__ == "__main__":
    main(*sys.argv[1:])
