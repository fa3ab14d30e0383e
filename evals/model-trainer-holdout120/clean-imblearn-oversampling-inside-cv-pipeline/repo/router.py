"""Priority classifier for support tickets (P1..P4) with minority oversampling.

P1 tickets are ~2% of volume; oversampling happens inside the imblearn pipeline so it is
re-applied to each training fold only.
"""
from dataclasses import dataclass

import joblib
import pandas as pd
from imblearn.over_sampling import RandomOverSampler
from imblearn.pipeline import Pipeline
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, recall_score
from sklearn.model_selection import StratifiedKFold, cross_validate, train_test_split


@dataclass
class PriorityRouter:
    seed: int = 77
    C: float = 1.0
    sampling_strategy: str = "not majority"

    def build(self) -> Pipeline:
        return Pipeline([
            ("tfidf", TfidfVectorizer(ngram_range=(1, 2), min_df=3, max_df=0.9, sublinear_tf=True)),
            ("oversample", RandomOverSampler(sampling_strategy=self.sampling_strategy, random_state=self.seed)),
            ("clf", LogisticRegression(C=self.C, max_iter=3000, random_state=self.seed)),
        ])

    def run(self, df: pd.DataFrame):
        X_train, X_test, y_train, y_test = train_test_split(
            df["text"], df["priority"], test_size=0.2, stratify=df["priority"], random_state=self.seed
        )
        cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=self.seed)
        cv_res = cross_validate(self.build(), X_train, y_train, cv=cv,
                                scoring={"macro_f1": "f1_macro", "bal_acc": "balanced_accuracy"})
        print(f"CV macro-F1 {cv_res['test_macro_f1'].mean():.4f}  "
              f"balanced acc {cv_res['test_bal_acc'].mean():.4f}")

        self.model_ = self.build().fit(X_train, y_train)
        y_pred = self.model_.predict(X_test)
        print(classification_report(y_test, y_pred, digits=3))
        p1_recall = recall_score(y_test, y_pred, labels=["P1"], average="macro")
        print(f"P1 recall on test: {p1_recall:.3f}")
        return self


if __name__ == "__main__":
    tickets = pd.read_csv("data/tickets_priority.csv").dropna(subset=["priority", "description"])
    tickets["text"] = tickets["summary"].fillna("") + " " + tickets["description"]
    tickets = tickets[tickets["priority"].isin(["P1", "P2", "P3", "P4"])]
    router = PriorityRouter().run(tickets)
    joblib.dump(router.model_, "models/priority_router.joblib")
