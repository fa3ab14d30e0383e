"""In-hospital mortality from admission notes: TF-IDF baseline vs. fine-tuned clinical BERT."""
import json
import os
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import yaml
from huggingface_hub import login
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          EarlyStoppingCallback, Trainer, TrainingArguments, set_seed)

from notes_outcome.data import patient_splits, to_hf

cfg = yaml.safe_load(open("config.yaml"))
set_seed(cfg["seed"])
dcfg, mcfg, tcfg = cfg["data"], cfg["model"], cfg["train"]

hf_token = os.environ.get("HF_TOKEN")
if mcfg["use_private"]:
    if not hf_token:
        raise SystemExit("HF_TOKEN is not set; export it or set model.use_private: false")
    login(token=hf_token)
    model_name = mcfg["private_checkpoint"]
else:
    model_name = mcfg["name"]
os.environ.setdefault("WANDB_DISABLED", "true")

df = pd.read_csv(dcfg["notes"]).dropna(subset=[dcfg["text_col"]])
train_df, val_df, test_df = patient_splits(df, dcfg["label_col"], dcfg["group_col"],
                                           dcfg["test_folds"], dcfg["val_folds"], cfg["seed"])
print(f"train={len(train_df)} val={len(val_df)} test={len(test_df)} mortality={df[dcfg['label_col']].mean():.3f}")

tfidf = TfidfVectorizer(max_features=40000, ngram_range=(1, 2), min_df=3, sublinear_tf=True)
baseline = LogisticRegression(C=1.0, max_iter=4000, class_weight="balanced")
baseline.fit(tfidf.fit_transform(train_df[dcfg["text_col"]]), train_df[dcfg["label_col"]])
p_base = baseline.predict_proba(tfidf.transform(test_df[dcfg["text_col"]]))[:, 1]

tokenizer = AutoTokenizer.from_pretrained(model_name, token=hf_token)
dsd = to_hf({"train": train_df, "validation": val_df, "test": test_df}, tokenizer,
            dcfg["text_col"], dcfg["label_col"], mcfg["max_length"])


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    probs = torch.softmax(torch.from_numpy(logits), dim=-1)[:, 1].numpy()
    return {"auroc": roc_auc_score(labels, probs), "auprc": average_precision_score(labels, probs)}


model = AutoModelForSequenceClassification.from_pretrained(model_name, num_labels=2, token=hf_token)
args = TrainingArguments(
    output_dir=tcfg["output_dir"],
    learning_rate=tcfg["lr"],
    num_train_epochs=tcfg["epochs"],
    per_device_train_batch_size=tcfg["batch_size"],
    gradient_accumulation_steps=tcfg["grad_accum"],
    per_device_eval_batch_size=64,
    eval_strategy="epoch",
    save_strategy="epoch",
    load_best_model_at_end=True,
    metric_for_best_model="auprc",
    greater_is_better=True,
    save_total_limit=2,
    warmup_ratio=0.06,
    weight_decay=0.01,
    fp16=torch.cuda.is_available(),
    seed=cfg["seed"],
    report_to="none",
)
trainer = Trainer(
    model=model,
    args=args,
    train_dataset=dsd["train"],
    eval_dataset=dsd["validation"],
    tokenizer=tokenizer,
    data_collator=DataCollatorWithPadding(tokenizer),
    compute_metrics=compute_metrics,
    callbacks=[EarlyStoppingCallback(early_stopping_patience=tcfg["patience"])],
)
trainer.train()

test_metrics = trainer.evaluate(dsd["test"], metric_key_prefix="test")
y_test = test_df[dcfg["label_col"]].to_numpy()
report = {
    "bert": {k: float(v) for k, v in test_metrics.items() if k in ("test_auroc", "test_auprc")},
    "tfidf_logreg": {"test_auroc": float(roc_auc_score(y_test, p_base)),
                     "test_auprc": float(average_precision_score(y_test, p_base))},
    "test_prevalence": float(np.mean(y_test)),
}
print(json.dumps(report, indent=2))
Path(tcfg["output_dir"]).mkdir(parents=True, exist_ok=True)
(Path(tcfg["output_dir"]) / "test_report.json").write_text(json.dumps(report, indent=2))
trainer.save_model(Path(tcfg["output_dir"]) / "best")
