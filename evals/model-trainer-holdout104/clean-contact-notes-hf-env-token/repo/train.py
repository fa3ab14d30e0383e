"""Fine-tune RoBERTa to code contact-history notes into reluctance reasons."""
import os

import numpy as np
import yaml
from huggingface_hub import login
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, classification_report, f1_score
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

from notes_coder.data import load, make_splits


def metrics_fn(eval_pred):
    logits, y = eval_pred
    pred = logits.argmax(-1)
    return {"accuracy": accuracy_score(y, pred), "macro_f1": f1_score(y, pred, average="macro")}


def baselines(ds):
    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=3, sublinear_tf=True).fit(ds["train"]["text"])
    Xtr, Xte = vec.transform(ds["train"]["text"]), vec.transform(ds["test"]["text"])
    out = {}
    for name, clf in [("majority", DummyClassifier(strategy="most_frequent")),
                      ("tfidf_logreg", LogisticRegression(C=5.0, max_iter=3000))]:
        pred = clf.fit(Xtr, ds["train"]["label"]).predict(Xte)
        out[name] = {"accuracy": accuracy_score(ds["test"]["label"], pred),
                     "macro_f1": f1_score(ds["test"]["label"], pred, average="macro")}
    return out


def main():
    with open("notes_coder/config.yaml") as fh:
        cfg = yaml.safe_load(fh)
    set_seed(cfg["seed"])
    token = os.environ.get("HF_TOKEN")
    if token:
        login(token=token)

    df, labels = load(cfg)
    ds = make_splits(df, labels, cfg["seed"])
    tok = AutoTokenizer.from_pretrained(cfg["base_model"])
    enc = ds.map(lambda b: tok(b["text"], truncation=True, max_length=cfg["max_length"]), batched=True)

    model = AutoModelForSequenceClassification.from_pretrained(
        cfg["base_model"], num_labels=len(labels),
        id2label=dict(enumerate(labels)), label2id={l: i for i, l in enumerate(labels)},
    )
    args = TrainingArguments(
        output_dir=cfg["output_dir"],
        evaluation_strategy="epoch",
        save_strategy="epoch",
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        save_total_limit=2,
        seed=cfg["seed"],
        report_to="none",
        push_to_hub=bool(token),
        hub_model_id=cfg["hub_model_id"],
        hub_private_repo=True,
        **cfg["training"],
    )
    trainer = Trainer(
        model=model, args=args,
        train_dataset=enc["train"], eval_dataset=enc["validation"],
        tokenizer=tok, data_collator=DataCollatorWithPadding(tok), compute_metrics=metrics_fn,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg["early_stopping_patience"])],
    )
    trainer.train()

    test_out = trainer.predict(enc["test"])
    pred = np.argmax(test_out.predictions, axis=-1)
    print(classification_report(test_out.label_ids, pred, target_names=labels, digits=3, zero_division=0))
    print({"roberta": test_out.metrics, **baselines(ds)})
    if token:
        trainer.push_to_hub(commit_message="best checkpoint by validation macro-F1")


if __name__ == "__main__":
    main()
