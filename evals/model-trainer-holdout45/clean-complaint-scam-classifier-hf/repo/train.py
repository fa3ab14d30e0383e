"""Flag scam / fraud complaints from consumer narratives (FinBERT fine-tune vs TF-IDF baseline)."""
import json
import os

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          EarlyStoppingCallback, Trainer, TrainingArguments, set_seed)

from complaints.data import load_frame, make_splits

cfg = json.load(open("config.json"))
set_seed(cfg["seed"])
hf_token = os.environ.get("HF_TOKEN")

tokenizer = AutoTokenizer.from_pretrained(cfg["base_model"])
frame = load_frame(cfg["data_path"])
print(f"{len(frame):,} narratives, scam share {frame['label'].mean():.2%}")
train_ds, val_ds, test_ds = make_splits(frame, tokenizer, cfg["max_length"], cfg["test_size"], cfg["val_size"], cfg["seed"])


def softmax_pos(logits):
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return (e / e.sum(axis=1, keepdims=True))[:, 1]


def compute_metrics(pred):
    p = softmax_pos(pred.predictions)
    return {"pr_auc": average_precision_score(pred.label_ids, p), "roc_auc": roc_auc_score(pred.label_ids, p)}


def best_f1_threshold(y, p):
    prec, rec, thr = precision_recall_curve(y, p)
    f1 = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-9, None)
    return float(thr[np.argmax(f1)])


model = AutoModelForSequenceClassification.from_pretrained(cfg["base_model"], num_labels=2,
                                                           ignore_mismatched_sizes=True)
args = TrainingArguments(
    output_dir=cfg["output_dir"], learning_rate=cfg["lr"], num_train_epochs=cfg["epochs"],
    per_device_train_batch_size=cfg["batch_size"], per_device_eval_batch_size=64, weight_decay=0.01,
    evaluation_strategy="epoch", save_strategy="epoch", load_best_model_at_end=True,
    metric_for_best_model="pr_auc", greater_is_better=True, save_total_limit=2, seed=cfg["seed"],
    fp16=True, report_to="none", push_to_hub=hf_token is not None, hub_model_id=cfg["hub_repo"], hub_token=hf_token,
)
trainer = Trainer(model=model, args=args, train_dataset=train_ds, eval_dataset=val_ds, tokenizer=tokenizer,
                  data_collator=DataCollatorWithPadding(tokenizer), compute_metrics=compute_metrics,
                  callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg["patience"])])
trainer.train()

val_p = softmax_pos(trainer.predict(val_ds).predictions)
threshold = best_f1_threshold(np.array(val_ds["label"]), val_p)
test_p = softmax_pos(trainer.predict(test_ds).predictions)
y_test = np.array(test_ds["label"])

tfidf = TfidfVectorizer(ngram_range=(1, 2), min_df=3, max_features=100_000, sublinear_tf=True)
lr = LogisticRegression(max_iter=3000, class_weight="balanced", C=4.0)
lr.fit(tfidf.fit_transform(train_ds["text"]), train_ds["label"])
lr_thr = best_f1_threshold(np.array(val_ds["label"]), lr.predict_proba(tfidf.transform(val_ds["text"]))[:, 1])
lr_p = lr.predict_proba(tfidf.transform(test_ds["text"]))[:, 1]

results = {
    name: {"pr_auc": average_precision_score(y_test, p), "roc_auc": roc_auc_score(y_test, p),
           "f1_at_val_threshold": f1_score(y_test, (p >= t).astype(int))}
    for name, p, t in [("finbert", test_p, threshold), ("tfidf_logreg", lr_p, lr_thr)]
}
print(json.dumps(results, indent=2))
trainer.save_model(os.path.join(cfg["output_dir"], "best"))
if hf_token:
    trainer.push_to_hub(commit_message=json.dumps(results["finbert"]))
