"""AG News topic classifier (4 classes) with deberta-v3-small.

Credentials are never stored in this repo:
    export HF_TOKEN=...        # write token, only needed with --push_to_hub
    export WANDB_API_KEY=...   # optional, enables W&B logging
    python train_news.py --output_dir runs/agnews-deberta --epochs 3
"""
import logging
import os
from dataclasses import dataclass, field

from datasets import load_dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          EarlyStoppingCallback, HfArgumentParser, Trainer, TrainingArguments, set_seed)

logger = logging.getLogger(__name__)


@dataclass
class ScriptArgs:
    model_name: str = field(default="microsoft/deberta-v3-small")
    max_length: int = field(default=128)
    val_size: int = field(default=6000)
    patience: int = field(default=3)
    output_dir: str = field(default="runs/agnews-deberta")
    epochs: float = field(default=3.0)
    lr: float = field(default=3e-5)
    batch_size: int = field(default=32)
    seed: int = field(default=1337)
    push_to_hub: bool = field(default=False)


def compute_metrics(pred):
    logits, labels = pred
    y_hat = logits.argmax(-1)
    return {"accuracy": accuracy_score(labels, y_hat),
            "macro_f1": f1_score(labels, y_hat, average="macro")}


def main():
    (script_args,) = HfArgumentParser(ScriptArgs).parse_args_into_dataclasses()
    train_args = TrainingArguments(
        output_dir=script_args.output_dir,
        num_train_epochs=script_args.epochs,
        learning_rate=script_args.lr,
        per_device_train_batch_size=script_args.batch_size,
        per_device_eval_batch_size=script_args.batch_size * 2,
        warmup_ratio=0.06,
        weight_decay=0.01,
        evaluation_strategy="steps",
        eval_steps=500,
        save_strategy="steps",
        save_steps=500,
        save_total_limit=3,
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        seed=script_args.seed,
        report_to=["wandb"] if os.environ.get("WANDB_API_KEY") else [],
        push_to_hub=script_args.push_to_hub,
        hub_token=os.environ.get("HF_TOKEN"),
    )
    set_seed(train_args.seed)

    news = load_dataset("ag_news")            # official train (120k) / test (7.6k)
    carved = news["train"].train_test_split(test_size=script_args.val_size, seed=train_args.seed,
                                            stratify_by_column="label")
    train_raw, val_raw, test_raw = carved["train"], carved["test"], news["test"]

    # bag-of-words baseline, fit on the training part only
    tfidf = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    lr = LogisticRegression(max_iter=1000, C=2.0)
    lr.fit(tfidf.fit_transform(train_raw["text"]), train_raw["label"])
    base_pred = lr.predict(tfidf.transform(val_raw["text"]))
    logger.info("TF-IDF+LR val acc %.4f macro-F1 %.4f", accuracy_score(val_raw["label"], base_pred),
                f1_score(val_raw["label"], base_pred, average="macro"))

    tok = AutoTokenizer.from_pretrained(script_args.model_name)
    encode = lambda b: tok(b["text"], truncation=True, max_length=script_args.max_length)
    train_ds = train_raw.map(encode, batched=True, remove_columns=["text"])
    val_ds = val_raw.map(encode, batched=True, remove_columns=["text"])
    test_ds = test_raw.map(encode, batched=True, remove_columns=["text"])

    label_names = news["train"].features["label"].names
    model = AutoModelForSequenceClassification.from_pretrained(
        script_args.model_name, num_labels=len(label_names),
        id2label=dict(enumerate(label_names)), label2id={n: i for i, n in enumerate(label_names)})

    trainer = Trainer(model=model, args=train_args, train_dataset=train_ds, eval_dataset=val_ds,
                      tokenizer=tok, data_collator=DataCollatorWithPadding(tok),
                      compute_metrics=compute_metrics,
                      callbacks=[EarlyStoppingCallback(early_stopping_patience=script_args.patience)])
    trainer.train()
    trainer.save_model(os.path.join(train_args.output_dir, "best"))

    test_out = trainer.predict(test_ds, metric_key_prefix="test")
    base_test = lr.predict(tfidf.transform(test_raw["text"]))
    trainer.log_metrics("test", test_out.metrics)
    trainer.save_metrics("test", {**test_out.metrics,
                                  "tfidf_lr_test_accuracy": accuracy_score(test_raw["label"], base_test),
                                  "tfidf_lr_test_macro_f1": f1_score(test_raw["label"], base_test, average="macro")})
    if train_args.push_to_hub:
        trainer.push_to_hub()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
