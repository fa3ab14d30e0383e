"""Fine-tune a fast-track eligibility classifier on first-notice-of-loss notes.

Audit requirement: fast-track rates must not differ materially by the claimant's preferred language.
"""
import json
import os

import numpy as np
import pandas as pd
from datasets import load_dataset
from scipy.special import softmax
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from sklearn.pipeline import make_pipeline
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          EarlyStoppingCallback, Trainer, TrainingArguments, set_seed)

cfg = json.load(open("train_config.json"))
HF_TOKEN = os.environ["HF_TOKEN"]
if not os.environ.get("WANDB_API_KEY"):
    os.environ["WANDB_MODE"] = "offline"
set_seed(cfg["seed"])

raw = load_dataset("parquet", data_files={s: f"{cfg['data_dir']}/{s}.parquet" for s in ["train", "validation", "test"]})
tok = AutoTokenizer.from_pretrained(cfg["base_model"], token=HF_TOKEN)
enc = raw.map(lambda b: tok(b["fnol_note"], truncation=True, max_length=cfg["max_length"]), batched=True)
enc = enc.rename_column("fast_track", "labels").remove_columns(["fnol_note", "claimant_language", "claim_id"])


def compute_metrics(pred):
    probs = softmax(pred.predictions, axis=-1)[:, 1]
    return {"auc": roc_auc_score(pred.label_ids, probs), "ap": average_precision_score(pred.label_ids, probs)}


model = AutoModelForSequenceClassification.from_pretrained(cfg["base_model"], num_labels=2, token=HF_TOKEN)
trainer = Trainer(
    model=model,
    args=TrainingArguments(
        output_dir=cfg["output_dir"], learning_rate=cfg["lr"], num_train_epochs=cfg["epochs"],
        per_device_train_batch_size=cfg["batch_size"], per_device_eval_batch_size=32,
        warmup_ratio=0.06, weight_decay=0.01, evaluation_strategy="epoch", save_strategy="epoch",
        load_best_model_at_end=True, metric_for_best_model="ap", save_total_limit=2,
        seed=cfg["seed"], report_to=["wandb"], run_name="fasttrack-deberta",
        push_to_hub=True, hub_model_id=cfg["hub_repo"], hub_token=HF_TOKEN, hub_private_repo=True,
    ),
    train_dataset=enc["train"], eval_dataset=enc["validation"], tokenizer=tok,
    data_collator=DataCollatorWithPadding(tok), compute_metrics=compute_metrics,
    callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg["patience"])],
)
trainer.train()

val_probs = softmax(trainer.predict(enc["validation"]).predictions, axis=-1)[:, 1]
prec, rec, thr = precision_recall_curve(enc["validation"]["labels"], val_probs)
threshold = float(thr[np.argmax(2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-9, None))])

test_df = raw["test"].to_pandas()
test_df["prob"] = softmax(trainer.predict(enc["test"]).predictions, axis=-1)[:, 1]
test_df["pred"] = (test_df["prob"] >= threshold).astype(int)

tfidf = make_pipeline(TfidfVectorizer(min_df=3, ngram_range=(1, 2), sublinear_tf=True),
                      LogisticRegression(max_iter=2000, C=2.0))
tfidf.fit(raw["train"]["fnol_note"], raw["train"]["fast_track"])
base_probs = tfidf.predict_proba(test_df["fnol_note"])[:, 1]

print(json.dumps({
    "threshold": threshold,
    "deberta": {"auc": roc_auc_score(test_df["fast_track"], test_df["prob"]),
                "ap": average_precision_score(test_df["fast_track"], test_df["prob"]),
                "f1": f1_score(test_df["fast_track"], test_df["pred"])},
    "tfidf_baseline": {"auc": roc_auc_score(test_df["fast_track"], base_probs),
                       "ap": average_precision_score(test_df["fast_track"], base_probs)},
}, indent=2))

by_lang = test_df.groupby("claimant_language").agg(n=("pred", "size"), fast_track_rate=("pred", "mean"),
                                                   eligible_rate=("fast_track", "mean"))
by_lang["tpr"] = test_df[test_df["fast_track"] == 1].groupby("claimant_language")["pred"].mean()
by_lang["rate_ratio"] = by_lang["fast_track_rate"] / by_lang["fast_track_rate"].max()
print(by_lang.round(3))
pd.DataFrame(by_lang).to_csv(os.path.join(cfg["output_dir"], "language_audit.csv"))
trainer.push_to_hub(commit_message="fast-track classifier with language audit")
