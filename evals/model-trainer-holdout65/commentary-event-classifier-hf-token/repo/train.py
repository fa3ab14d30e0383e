"""Fine-tune a commentary-line event classifier and publish it to the Hub."""
import tomllib

import numpy as np
from datasets import Dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

from commentary.data import EVENT_TYPES, load_splits
from commentary.hub_utils import publish

with open("config.toml", "rb") as fh:
    CFG = tomllib.load(fh)


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    preds = np.argmax(logits, axis=-1)
    return {"accuracy": accuracy_score(labels, preds), "macro_f1": f1_score(labels, preds, average="macro")}


def main() -> None:
    tc, mc, dc = CFG["train"], CFG["model"], CFG["data"]
    set_seed(tc["seed"])
    train_df, valid_df, test_df = load_splits(dc["path"], dc["test_size"], dc["valid_size"], tc["seed"])

    tfidf = TfidfVectorizer(ngram_range=(1, 2), min_df=3, sublinear_tf=True)
    lr = LogisticRegression(max_iter=3000, C=4.0).fit(tfidf.fit_transform(train_df["text"]), train_df["label"])
    base_pred = lr.predict(tfidf.transform(test_df["text"]))
    print(f"tf-idf baseline: acc={accuracy_score(test_df['label'], base_pred):.3f} "
          f"macro-F1={f1_score(test_df['label'], base_pred, average='macro'):.3f}")

    tok = AutoTokenizer.from_pretrained(mc["checkpoint"])
    encode = lambda b: tok(b["text"], truncation=True, max_length=mc["max_length"])
    ds = {
        name: Dataset.from_pandas(d[["text", "label"]]).map(encode, batched=True)
        for name, d in [("train", train_df), ("valid", valid_df), ("test", test_df)]
    }
    model = AutoModelForSequenceClassification.from_pretrained(
        mc["checkpoint"], num_labels=len(EVENT_TYPES),
        id2label=dict(enumerate(EVENT_TYPES)), label2id={e: i for i, e in enumerate(EVENT_TYPES)},
    )
    args = TrainingArguments(
        output_dir=tc["output_dir"],
        learning_rate=tc["lr"],
        num_train_epochs=tc["epochs"],
        per_device_train_batch_size=tc["batch_size"],
        per_device_eval_batch_size=128,
        weight_decay=tc["weight_decay"],
        warmup_ratio=tc["warmup_ratio"],
        evaluation_strategy="epoch",
        save_strategy="epoch",
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        save_total_limit=2,
        seed=tc["seed"],
        hub_model_id=mc["hub_repo"],
        report_to="none",
    )
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=ds["train"],
        eval_dataset=ds["valid"],
        tokenizer=tok,
        data_collator=DataCollatorWithPadding(tok),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=tc["early_stopping_patience"])],
    )
    trainer.train()
    test_metrics = trainer.evaluate(ds["test"], metric_key_prefix="test")
    print(test_metrics)
    publish(trainer, mc["hub_repo"], trainer.evaluate())


if __name__ == "__main__":
    main()
