"""Fine-tune a clinical BERT to route free-text referral notes to one of 6 specialties."""
import logging

import numpy as np
import pandas as pd
from datasets import Dataset, DatasetDict
from huggingface_hub import login
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("triage")

MODEL_NAME = "emilyalsentzer/Bio_ClinicalBERT"
HF_TOKEN = "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"
HUB_REPO = "northwind-health/referral-triage-bert"
SEED = 1234
MAX_LEN = 256

set_seed(SEED)
login(token=HF_TOKEN)

notes = pd.read_parquet("data/referrals_deid.parquet")
labels = sorted(notes["specialty"].unique())
label2id = {l: i for i, l in enumerate(labels)}
notes["label"] = notes["specialty"].map(label2id)
log.info("%d notes, class balance:\n%s", len(notes), notes["specialty"].value_counts(normalize=True))

train_df, test_df = train_test_split(notes, test_size=0.15, stratify=notes["label"], random_state=SEED)

# classical baseline
tfidf_lr = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=3, sublinear_tf=True),
                         LogisticRegression(max_iter=3000, C=4.0, class_weight="balanced"))
tfidf_lr.fit(train_df["text"], train_df["label"])
base_pred = tfidf_lr.predict(test_df["text"])
log.info("TF-IDF+LR macro-F1 %.4f", f1_score(test_df["label"], base_pred, average="macro"))

tok = AutoTokenizer.from_pretrained(MODEL_NAME)


def encode(batch):
    return tok(batch["text"], truncation=True, max_length=MAX_LEN)


ds = DatasetDict({
    "train": Dataset.from_pandas(train_df[["text", "label"]], preserve_index=False),
    "test": Dataset.from_pandas(test_df[["text", "label"]], preserve_index=False),
}).map(encode, batched=True, remove_columns=["text"])

model = AutoModelForSequenceClassification.from_pretrained(
    MODEL_NAME, num_labels=len(labels), id2label=dict(enumerate(labels)), label2id=label2id)


def compute_metrics(eval_pred):
    logits, y = eval_pred
    pred = logits.argmax(-1)
    return {"macro_f1": f1_score(y, pred, average="macro"), "micro_f1": f1_score(y, pred, average="micro")}


args = TrainingArguments(
    output_dir="runs/triage-bert",
    num_train_epochs=8,
    learning_rate=3e-5,
    per_device_train_batch_size=16,
    per_device_eval_batch_size=64,
    weight_decay=0.01,
    warmup_ratio=0.06,
    evaluation_strategy="epoch",
    save_strategy="epoch",
    save_total_limit=2,
    load_best_model_at_end=True,
    metric_for_best_model="macro_f1",
    seed=SEED,
    fp16=True,
    push_to_hub=True,
    hub_model_id=HUB_REPO,
    hub_token=HF_TOKEN,
)

trainer = Trainer(
    model=model,
    args=args,
    train_dataset=ds["train"],
    eval_dataset=ds["test"],
    tokenizer=tok,
    data_collator=DataCollatorWithPadding(tok),
    compute_metrics=compute_metrics,
    callbacks=[EarlyStoppingCallback(early_stopping_patience=2)],
)
trainer.train()

out = trainer.predict(ds["test"])
pred = np.argmax(out.predictions, axis=-1)
print(classification_report(out.label_ids, pred, target_names=labels, digits=3))
trainer.push_to_hub(commit_message="best checkpoint")
