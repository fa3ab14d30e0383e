"""Pairwise (Bradley-Terry) reward-model training utilities."""
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from transformers import Trainer


def tokenize_pair(example, tokenizer, max_length):
    chosen = tokenizer(example["chosen"], truncation=True, max_length=max_length)
    rejected = tokenizer(example["rejected"], truncation=True, max_length=max_length)
    return {
        "input_ids_chosen": chosen["input_ids"],
        "attention_mask_chosen": chosen["attention_mask"],
        "input_ids_rejected": rejected["input_ids"],
        "attention_mask_rejected": rejected["attention_mask"],
    }


@dataclass
class PairCollator:
    tokenizer: object

    def __call__(self, features):
        batch = {}
        for side in ("chosen", "rejected"):
            padded = self.tokenizer.pad(
                [{"input_ids": f[f"input_ids_{side}"], "attention_mask": f[f"attention_mask_{side}"]} for f in features],
                return_tensors="pt",
            )
            batch[f"input_ids_{side}"] = padded["input_ids"]
            batch[f"attention_mask_{side}"] = padded["attention_mask"]
        batch["return_loss"] = True
        return batch


class PairwiseRewardTrainer(Trainer):
    def compute_loss(self, model, inputs, return_outputs=False):
        r_chosen = model(input_ids=inputs["input_ids_chosen"], attention_mask=inputs["attention_mask_chosen"]).logits
        r_rejected = model(input_ids=inputs["input_ids_rejected"], attention_mask=inputs["attention_mask_rejected"]).logits
        loss = -F.logsigmoid(r_chosen - r_rejected).mean()
        if return_outputs:
            return loss, {"r_chosen": r_chosen, "r_rejected": r_rejected}
        return loss

    def prediction_step(self, model, inputs, prediction_loss_only, ignore_keys=None):
        inputs = self._prepare_inputs(inputs)
        with torch.no_grad():
            loss, out = self.compute_loss(model, inputs, return_outputs=True)
        logits = torch.stack([out["r_chosen"].squeeze(-1), out["r_rejected"].squeeze(-1)], dim=1)
        labels = torch.zeros(logits.shape[0], device=logits.device)
        return loss.detach(), logits, labels


def pairwise_metrics(eval_pred):
    logits, _ = eval_pred
    margin = logits[:, 0] - logits[:, 1]
    return {"pair_accuracy": float((margin > 0).mean()), "mean_margin": float(np.mean(margin))}


def length_baseline_accuracy(dataset):
    wins = [len(ex["chosen"]) > len(ex["rejected"]) for ex in dataset]
    return float(np.mean(wins))
