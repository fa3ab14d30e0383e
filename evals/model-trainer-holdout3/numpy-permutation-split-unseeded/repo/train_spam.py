import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import classification_report, roc_auc_score

df = pd.read_csv("data/sms.csv")
idx = np.random.permutation(len(df))
cut = int(0.8 * len(df))
train, test = df.iloc[idx[:cut]], df.iloc[idx[cut:]]

vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
X_train = vec.fit_transform(train["text"])
X_test = vec.transform(test["text"])

baseline = DummyClassifier(strategy="most_frequent").fit(X_train, train["spam"])
clf = SGDClassifier(loss="log_loss", alpha=1e-5, max_iter=50)
clf.fit(X_train, train["spam"])

print("baseline accuracy", baseline.score(X_test, test["spam"]))
print("ROC AUC", roc_auc_score(test["spam"], clf.predict_proba(X_test)[:, 1]))
print(classification_report(test["spam"], clf.predict(X_test)))
