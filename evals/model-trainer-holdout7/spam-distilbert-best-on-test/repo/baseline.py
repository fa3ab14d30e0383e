"""TF-IDF + multinomial NB reference score on the same test split."""
from datasets import load_from_disk
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import f1_score
from sklearn.naive_bayes import MultinomialNB
from sklearn.pipeline import make_pipeline

raw = load_from_disk("data/enron_spam")
text = lambda split: [f"{s or ''}\n\n{m or ''}" for s, m in zip(raw[split]["subject"], raw[split]["message"])]
nb = make_pipeline(TfidfVectorizer(min_df=2, sublinear_tf=True), MultinomialNB(alpha=0.1))
nb.fit(text("train"), raw["train"]["label_spam"])
print("tfidf+NB test F1:", f1_score(raw["test"]["label_spam"], nb.predict(text("test"))))
