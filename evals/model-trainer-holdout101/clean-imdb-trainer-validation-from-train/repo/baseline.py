"""Classical baseline: TF-IDF + logistic regression, fit on the training part only."""
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score
from sklearn.pipeline import make_pipeline


def tfidf_logreg_baseline(train_texts, train_labels, eval_texts, eval_labels, seed):
    pipe = make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), min_df=3, max_features=100_000, sublinear_tf=True),
        LogisticRegression(C=4.0, max_iter=3000, random_state=seed),
    )
    pipe.fit(train_texts, train_labels)
    probs = pipe.predict_proba(eval_texts)[:, 1]
    preds = (probs >= 0.5).astype(int)
    return {
        "accuracy": accuracy_score(eval_labels, preds),
        "f1": f1_score(eval_labels, preds),
        "roc_auc": roc_auc_score(eval_labels, probs),
        "mean_prob": float(np.mean(probs)),
    }
