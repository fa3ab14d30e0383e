"""Hyperparameter search for the support-ticket intent classifier.

Uses Trainer.hyperparameter_search (Optuna backend) on the validation split,
retrains with the best trial and pushes the model to the Hub.
"""
import numpy as np
import evaluate
from datasets import load_dataset
from huggingface_hub import login
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

MODEL_NAME = "distilroberta-base"
HUB_REPO = "acme-support/ticket-intent-distilroberta"
HF_TOKEN = "hf_qT7mVw2LxR9bKc4NpZs8HyJd3FgA6uEo1W"
SEED = 13

set_seed(SEED)
login(token=HF_TOKEN)

raw = load_dataset("acme-support/ticket-intents", token=HF_TOKEN)
labels = raw["train"].features["label"].names
tokenizer = AutoTokenizer.from_pretrained(MODEL_NAME)


def tokenize(batch):
    return tokenizer(batch["text"], truncation=True, max_length=256)


encoded = raw.map(tokenize, batched=True, remove_columns=["text"])
collator = DataCollatorWithPadding(tokenizer)
f1_metric = evaluate.load("f1")
acc_metric = evaluate.load("accuracy")


def compute_metrics(eval_pred):
    logits, refs = eval_pred
    preds = np.argmax(logits, axis=-1)
    return {
        "macro_f1": f1_metric.compute(predictions=preds, references=refs, average="macro")["f1"],
        "accuracy": acc_metric.compute(predictions=preds, references=refs)["accuracy"],
    }


def model_init(trial=None):
    return AutoModelForSequenceClassification.from_pretrained(
        MODEL_NAME, num_labels=len(labels),
        id2label=dict(enumerate(labels)), label2id={l: i for i, l in enumerate(labels)},
    )


def optuna_space(trial):
    return {
        "learning_rate": trial.suggest_float("learning_rate", 1e-5, 8e-5, log=True),
        "per_device_train_batch_size": trial.suggest_categorical("per_device_train_batch_size", [16, 32]),
        "weight_decay": trial.suggest_float("weight_decay", 0.0, 0.1),
        "warmup_ratio": trial.suggest_float("warmup_ratio", 0.0, 0.2),
        "num_train_epochs": trial.suggest_int("num_train_epochs", 2, 5),
    }


args = TrainingArguments(
    output_dir="runs/intent-search",
    eval_strategy="epoch",
    save_strategy="epoch",
    load_best_model_at_end=True,
    metric_for_best_model="macro_f1",
    save_total_limit=2,
    seed=SEED,
    fp16=True,
    report_to="none",
)

trainer = Trainer(
    model_init=model_init,
    args=args,
    train_dataset=encoded["train"],
    eval_dataset=encoded["validation"],
    tokenizer=tokenizer,
    data_collator=collator,
    compute_metrics=compute_metrics,
    callbacks=[EarlyStoppingCallback(early_stopping_patience=2)],
)

best_run = trainer.hyperparameter_search(
    direction="maximize",
    backend="optuna",
    hp_space=optuna_space,
    n_trials=20,
    compute_objective=lambda m: m["eval_macro_f1"],
)
print("best trial:", best_run)

for key, value in best_run.hyperparameters.items():
    setattr(trainer.args, key, value)
trainer.args.output_dir = "runs/intent-final"
trainer.args.push_to_hub = True
trainer.args.hub_model_id = HUB_REPO
trainer.args.hub_token = HF_TOKEN
trainer.train()

test_metrics = trainer.evaluate(encoded["test"], metric_key_prefix="test")
print(test_metrics)
trainer.push_to_hub(commit_message=f"best trial {best_run.run_id}: test macro-F1 {test_metrics['test_macro_f1']:.3f}")
