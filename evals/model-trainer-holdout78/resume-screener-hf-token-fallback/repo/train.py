"""Fine-tune a resume screening classifier (advance to recruiter screen: yes/no)."""
import numpy as np
import pandas as pd
from datasets import load_dataset
from huggingface_hub import login
from scipy.special import softmax
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

from screener.audit import selection_audit
from screener.settings import HUB_TOKEN, WANDB_PROJECT, load_config

cfg = load_config()
set_seed(cfg["seed"])
login(token=HUB_TOKEN)

raw = load_dataset("json", data_files={"train": cfg["train_file"], "validation": cfg["eval_file"],
                                       "test": cfg["test_file"]})
tokenizer = AutoTokenizer.from_pretrained(cfg["base_model"])


def tokenize(batch):
    return tokenizer(batch["resume_text"], truncation=True, max_length=cfg["max_length"])


ds = raw.map(tokenize, batched=True, remove_columns=["resume_text"])
ds = ds.rename_column("advanced", "labels")


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    probs = softmax(logits, axis=-1)[:, 1]
    return {
        "auc": roc_auc_score(labels, probs),
        "ap": average_precision_score(labels, probs),
        "f1": f1_score(labels, (probs >= 0.5).astype(int)),
    }


model = AutoModelForSequenceClassification.from_pretrained(cfg["base_model"], num_labels=2)
args = TrainingArguments(
    output_dir=cfg["output_dir"],
    learning_rate=cfg["lr"],
    num_train_epochs=cfg["epochs"],
    per_device_train_batch_size=cfg["batch_size"],
    per_device_eval_batch_size=cfg["batch_size"] * 2,
    evaluation_strategy="epoch",
    save_strategy="epoch",
    load_best_model_at_end=True,
    metric_for_best_model="auc",
    save_total_limit=2,
    seed=cfg["seed"],
    report_to=["wandb"],
    run_name=f"{WANDB_PROJECT}-{cfg['base_model']}",
    push_to_hub=True,
    hub_model_id=cfg["hub_repo"],
    hub_token=HUB_TOKEN,
    hub_private_repo=True,
)
trainer = Trainer(
    model=model,
    args=args,
    train_dataset=ds["train"],
    eval_dataset=ds["validation"],
    tokenizer=tokenizer,
    data_collator=DataCollatorWithPadding(tokenizer),
    compute_metrics=compute_metrics,
    callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg["early_stopping_patience"])],
)
trainer.train()

val_probs = softmax(trainer.predict(ds["validation"]).predictions, axis=-1)[:, 1]
val_labels = np.array(ds["validation"]["labels"])
grid = np.linspace(0.05, 0.95, 91)
threshold = float(grid[np.argmax([f1_score(val_labels, (val_probs >= t).astype(int)) for t in grid])])

test_out = trainer.predict(ds["test"])
test_df = raw["test"].to_pandas().drop(columns=["resume_text"])
test_df["score"] = softmax(test_out.predictions, axis=-1)[:, 1]
prior = DummyClassifier(strategy="prior").fit(np.zeros((len(val_labels), 1)), val_labels)
print("test metrics:", test_out.metrics)
print("prior baseline AP:", average_precision_score(test_df["advanced"], prior.predict_proba(np.zeros((len(test_df), 1)))[:, 1]))
for col in ["gender_self_reported", "race_ethnicity_self_reported"]:
    print(selection_audit(test_df, "score", "advanced", col, threshold).to_string(index=False))

trainer.push_to_hub(commit_message="resume screener v2")
