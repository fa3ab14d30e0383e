"""Fine-tune the Audio Spectrogram Transformer on MagnaTagATune top-50 tags (multi-label)."""
import os

import numpy as np
import torch
import torchaudio
import wandb
import yaml
from datasets import Dataset
from huggingface_hub import login
from sklearn.metrics import average_precision_score, roc_auc_score
from transformers import (ASTFeatureExtractor, ASTForAudioClassification, EarlyStoppingCallback,
                          Trainer, TrainingArguments, set_seed)

cfg = yaml.safe_load(open("config.yaml"))
set_seed(cfg["training"]["seed"])

login(token="hf_k4zrXO3DFaN5aShxIh3G63JhF7I1wp9As3")
os.environ["WANDB_API_KEY"] = cfg["logging"]["wandb_api_key"]
wandb.init(project=cfg["logging"]["wandb_project"], entity=cfg["logging"]["wandb_entity"], name=cfg["experiment"])

TAGS = np.load(os.path.join(cfg["data"]["split_dir"], "tags.npy"), allow_pickle=True).tolist()
extractor = ASTFeatureExtractor.from_pretrained(cfg["base_model"])
SR = cfg["data"]["sample_rate"]
MAX_LEN = SR * cfg["data"]["max_seconds"]


def load_split(name):
    binary = np.load(os.path.join(cfg["data"]["split_dir"], "binary.npy"))
    rows = np.load(os.path.join(cfg["data"]["split_dir"], f"{name}.npy"), allow_pickle=True)
    records = []
    for row in rows:
        idx, path = row.split("\t")
        records.append({"path": os.path.join(cfg["data"]["audio_root"], path),
                        "labels": binary[int(idx)].astype(np.float32)})
    return Dataset.from_list(records)


def preprocess(batch):
    arrays = []
    for path in batch["path"]:
        wav, sr = torchaudio.load(path)
        wav = torchaudio.functional.resample(wav.mean(0), sr, SR)[:MAX_LEN]
        arrays.append(wav.numpy())
    inputs = extractor(arrays, sampling_rate=SR, return_tensors="np")
    inputs["labels"] = batch["labels"]
    return inputs


def compute_metrics(pred):
    probs = torch.sigmoid(torch.tensor(pred.predictions)).numpy()
    y = pred.label_ids
    return {
        "roc_auc_macro": roc_auc_score(y, probs, average="macro"),
        "pr_auc_macro": average_precision_score(y, probs, average="macro"),
        "pr_auc_prior_baseline": average_precision_score(y, np.tile(y.mean(0), (len(y), 1)), average="macro"),
    }


splits = {name: load_split(name).map(preprocess, batched=True, batch_size=32, remove_columns=["path"])
          for name in ("train", "valid", "test")}

model = ASTForAudioClassification.from_pretrained(
    cfg["base_model"], num_labels=len(TAGS), problem_type="multi_label_classification",
    id2label=dict(enumerate(TAGS)), label2id={t: i for i, t in enumerate(TAGS)},
    ignore_mismatched_sizes=True,
)

tc = cfg["training"]
args = TrainingArguments(
    output_dir=f"outputs/{cfg['experiment']}",
    learning_rate=tc["learning_rate"],
    per_device_train_batch_size=tc["batch_size"],
    per_device_eval_batch_size=tc["batch_size"] * 2,
    gradient_accumulation_steps=tc["grad_accum"],
    num_train_epochs=tc["epochs"],
    warmup_ratio=tc["warmup_ratio"],
    evaluation_strategy="epoch",
    save_strategy="epoch",
    load_best_model_at_end=True,
    metric_for_best_model="pr_auc_macro",
    save_total_limit=2,
    fp16=torch.cuda.is_available(),
    seed=tc["seed"],
    report_to=["wandb"],
    push_to_hub=True,
    hub_model_id=cfg["hub_repo"],
)

trainer = Trainer(
    model=model, args=args,
    train_dataset=splits["train"], eval_dataset=splits["valid"],
    compute_metrics=compute_metrics,
    callbacks=[EarlyStoppingCallback(early_stopping_patience=tc["patience"])],
)
trainer.train()
test_metrics = trainer.evaluate(splits["test"], metric_key_prefix="test")
print(test_metrics)
trainer.push_to_hub(commit_message=f"test PR-AUC {test_metrics['test_pr_auc_macro']:.4f}")
