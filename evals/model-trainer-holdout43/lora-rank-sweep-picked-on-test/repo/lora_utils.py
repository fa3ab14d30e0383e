"""Shared PEFT/LoRA helpers for the sentiment adapter experiments."""
import numpy as np
from peft import LoraConfig, TaskType, get_peft_model
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score
from transformers import AutoModelForSequenceClassification


def lora_model(base_model: str, r: int, alpha: int, dropout: float, target_modules):
    base = AutoModelForSequenceClassification.from_pretrained(base_model, num_labels=2)
    config = LoraConfig(
        task_type=TaskType.SEQ_CLS,
        r=r,
        lora_alpha=alpha,
        lora_dropout=dropout,
        target_modules=list(target_modules),
        bias="none",
    )
    model = get_peft_model(base, config)
    model.print_trainable_parameters()
    return model


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    logits = logits - logits.max(-1, keepdims=True)
    probs = np.exp(logits) / np.exp(logits).sum(-1, keepdims=True)
    preds = probs.argmax(-1)
    return {
        "accuracy": accuracy_score(labels, preds),
        "f1": f1_score(labels, preds),
        "roc_auc": roc_auc_score(labels, probs[:, 1]),
    }
