"""Fine-tune a topic coder for open-ended 'most important problem' survey responses."""
import numpy as np
from huggingface_hub import login
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

from mip.data import load_splits
from mip.settings import HF_TOKEN, HUB_REPO, LABELS, TrainSettings


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    preds = np.argmax(logits, axis=-1)
    return {
        "accuracy": accuracy_score(labels, preds),
        "macro_f1": f1_score(labels, preds, average="macro"),
        "weighted_f1": f1_score(labels, preds, average="weighted"),
    }


def tfidf_baseline(ds):
    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    Xtr = vec.fit_transform(ds["train"]["verbatim"])
    clf = LogisticRegression(C=4.0, max_iter=3000).fit(Xtr, ds["train"]["label"])
    pred = clf.predict(vec.transform(ds["test"]["verbatim"]))
    return f1_score(ds["test"]["label"], pred, average="macro")


def main():
    cfg = TrainSettings()
    set_seed(cfg.seed)
    login(token=HF_TOKEN)

    ds = load_splits(cfg.data_path, cfg.seed)
    tok = AutoTokenizer.from_pretrained(cfg.base_model)
    enc = ds.map(lambda b: tok(b["verbatim"], truncation=True, max_length=cfg.max_length), batched=True)

    model = AutoModelForSequenceClassification.from_pretrained(
        cfg.base_model,
        num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)),
        label2id={l: i for i, l in enumerate(LABELS)},
    )
    args = TrainingArguments(
        output_dir=cfg.output_dir,
        learning_rate=cfg.lr,
        num_train_epochs=cfg.epochs,
        per_device_train_batch_size=cfg.batch_size,
        per_device_eval_batch_size=128,
        weight_decay=cfg.weight_decay,
        warmup_ratio=cfg.warmup_ratio,
        evaluation_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        seed=cfg.seed,
        report_to="none",
        push_to_hub=True,
        hub_model_id=HUB_REPO,
        hub_private_repo=True,
    )
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=enc["train"],
        eval_dataset=enc["validation"],
        tokenizer=tok,
        data_collator=DataCollatorWithPadding(tok),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg.patience)],
    )
    trainer.train()

    test_metrics = trainer.evaluate(enc["test"], metric_key_prefix="test")
    test_metrics["test_tfidf_logreg_macro_f1"] = tfidf_baseline(ds)
    print(test_metrics)
    trainer.save_metrics("test", test_metrics)
    trainer.push_to_hub(commit_message="mip coder: best checkpoint by validation macro-F1")


if __name__ == "__main__":
    main()
