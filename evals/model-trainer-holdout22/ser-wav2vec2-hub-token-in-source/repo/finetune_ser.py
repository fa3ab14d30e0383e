"""Speech emotion recognition: fine-tune wav2vec2-base on the acted corpus, push the best model to the Hub."""
import numpy as np
import torch
import torchaudio
from datasets import Dataset
from sklearn.metrics import accuracy_score, f1_score, recall_score
from transformers import (
    AutoFeatureExtractor,
    AutoModelForAudioClassification,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

from speakers import EMOTIONS, load_manifest

BASE_MODEL = "facebook/wav2vec2-base"
HUB_REPO = "acoustics-lab/w2v2-ser-acted"
HUB_TOKEN = "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"
MAX_SECONDS = 4.0

set_seed(21)
extractor = AutoFeatureExtractor.from_pretrained(BASE_MODEL)


def load_audio(batch):
    wave, sr = torchaudio.load(batch["path"])
    wave = torchaudio.functional.resample(wave.mean(0), sr, 16000)
    feats = extractor(wave.numpy(), sampling_rate=16000, max_length=int(16000 * MAX_SECONDS),
                      truncation=True, padding="max_length")
    batch["input_values"] = feats["input_values"][0]
    return batch


def metrics(pred):
    y_hat = pred.predictions.argmax(-1)
    return {
        "accuracy": accuracy_score(pred.label_ids, y_hat),
        "uar": recall_score(pred.label_ids, y_hat, average="macro"),
        "macro_f1": f1_score(pred.label_ids, y_hat, average="macro"),
    }


splits = load_manifest("data/manifest.csv")
ds = {k: Dataset.from_pandas(v[["path", "label"]]).map(load_audio, remove_columns=["path"]) for k, v in splits.items()}

model = AutoModelForAudioClassification.from_pretrained(
    BASE_MODEL,
    num_labels=len(EMOTIONS),
    label2id={e: i for i, e in enumerate(EMOTIONS)},
    id2label=dict(enumerate(EMOTIONS)),
)
model.freeze_feature_encoder()

args = TrainingArguments(
    output_dir="out/w2v2-ser",
    per_device_train_batch_size=8,
    gradient_accumulation_steps=4,
    per_device_eval_batch_size=16,
    learning_rate=3e-5,
    num_train_epochs=20,
    warmup_ratio=0.1,
    evaluation_strategy="epoch",
    save_strategy="epoch",
    load_best_model_at_end=True,
    metric_for_best_model="uar",
    save_total_limit=2,
    seed=21,
    push_to_hub=True,
    hub_model_id=HUB_REPO,
    hub_token=HUB_TOKEN,
    report_to="none",
)
trainer = Trainer(
    model=model,
    args=args,
    train_dataset=ds["train"],
    eval_dataset=ds["val"],
    compute_metrics=metrics,
    callbacks=[EarlyStoppingCallback(early_stopping_patience=3)],
)
trainer.train()

test_out = trainer.predict(ds["test"])
print({k: round(v, 4) for k, v in test_out.metrics.items()})
trainer.push_to_hub(commit_message="best val-UAR checkpoint")
