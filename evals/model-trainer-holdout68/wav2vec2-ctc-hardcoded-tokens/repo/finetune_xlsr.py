"""Fine-tune XLS-R 300M with CTC on the Swahili call-centre corpus and push it to the Hub."""
import json
import os
import re
from dataclasses import dataclass

import evaluate
import numpy as np
import torch
import wandb
from datasets import Audio, load_dataset
from huggingface_hub import login
from transformers import (
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    Wav2Vec2CTCTokenizer,
    Wav2Vec2FeatureExtractor,
    Wav2Vec2ForCTC,
    Wav2Vec2Processor,
)

cfg = json.load(open("config.json"))
os.environ["WANDB_API_KEY"] = cfg["wandb_api_key"]
login(token="hf_VD8SV06GhMLpBEqU3RvCJxkJPXXYhcIUEg")
wandb.init(project=cfg["wandb_project"], config=cfg)

CHARS_TO_REMOVE = re.compile(r"[\,\?\.\!\-\;\:\"\“\%\‘\”\�\(\)]")

ds = load_dataset(cfg["dataset_repo"])
ds = ds.map(lambda b: {"text": CHARS_TO_REMOVE.sub("", b["transcript"]).lower().strip()})
ds = ds.cast_column("audio", Audio(sampling_rate=16000))

chars = sorted(set("".join(ds["train"]["text"])))
vocab = {c: i for i, c in enumerate(chars)}
vocab["|"] = vocab.pop(" ")
vocab["[UNK]"] = len(vocab)
vocab["[PAD]"] = len(vocab)
os.makedirs(cfg["output_dir"], exist_ok=True)
with open(os.path.join(cfg["output_dir"], "vocab.json"), "w") as f:
    json.dump(vocab, f)

tokenizer = Wav2Vec2CTCTokenizer(os.path.join(cfg["output_dir"], "vocab.json"),
                                 unk_token="[UNK]", pad_token="[PAD]", word_delimiter_token="|")
feature_extractor = Wav2Vec2FeatureExtractor(feature_size=1, sampling_rate=16000, padding_value=0.0,
                                             do_normalize=True, return_attention_mask=True)
processor = Wav2Vec2Processor(feature_extractor=feature_extractor, tokenizer=tokenizer)


def prepare(batch):
    audio = batch["audio"]
    batch["input_values"] = processor(audio["array"], sampling_rate=16000).input_values[0]
    batch["labels"] = processor(text=batch["text"]).input_ids
    return batch


ds = ds.map(prepare, remove_columns=ds["train"].column_names, num_proc=8)


@dataclass
class CTCCollator:
    processor: Wav2Vec2Processor

    def __call__(self, features):
        inputs = [{"input_values": f["input_values"]} for f in features]
        labels = [{"input_ids": f["labels"]} for f in features]
        batch = self.processor.pad(inputs, padding=True, return_tensors="pt")
        label_batch = self.processor.pad(labels=labels, padding=True, return_tensors="pt")
        batch["labels"] = label_batch["input_ids"].masked_fill(label_batch.attention_mask.ne(1), -100)
        return batch


wer = evaluate.load("wer")
cer = evaluate.load("cer")


def compute_metrics(pred):
    pred_ids = np.argmax(pred.predictions, axis=-1)
    pred.label_ids[pred.label_ids == -100] = processor.tokenizer.pad_token_id
    hyp = processor.batch_decode(pred_ids)
    ref = processor.batch_decode(pred.label_ids, group_tokens=False)
    return {"wer": wer.compute(predictions=hyp, references=ref), "cer": cer.compute(predictions=hyp, references=ref)}


model = Wav2Vec2ForCTC.from_pretrained(
    cfg["base_model"],
    attention_dropout=0.0, hidden_dropout=0.0, feat_proj_dropout=0.0, layerdrop=0.05,
    mask_time_prob=0.05, ctc_loss_reduction="mean",
    pad_token_id=processor.tokenizer.pad_token_id, vocab_size=len(processor.tokenizer),
)
model.freeze_feature_encoder()

args = TrainingArguments(
    output_dir=cfg["output_dir"],
    per_device_train_batch_size=cfg["per_device_train_batch_size"],
    gradient_accumulation_steps=cfg["gradient_accumulation_steps"],
    learning_rate=cfg["learning_rate"],
    num_train_epochs=cfg["num_train_epochs"],
    warmup_ratio=0.1,
    group_by_length=True,
    fp16=torch.cuda.is_available(),
    gradient_checkpointing=True,
    evaluation_strategy="epoch",
    save_strategy="epoch",
    save_total_limit=2,
    load_best_model_at_end=True,
    metric_for_best_model="wer",
    greater_is_better=False,
    report_to=["wandb"],
    seed=cfg["seed"],
    push_to_hub=True,
    hub_model_id=cfg["hub_model_id"],
)

trainer = Trainer(
    model=model,
    args=args,
    data_collator=CTCCollator(processor),
    train_dataset=ds["train"],
    eval_dataset=ds["validation"],
    compute_metrics=compute_metrics,
    tokenizer=processor.feature_extractor,
    callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg["early_stopping_patience"])],
)
trainer.train()

test_metrics = trainer.evaluate(ds["test"], metric_key_prefix="test")
print(test_metrics)
processor.save_pretrained(cfg["output_dir"])
trainer.push_to_hub(commit_message=f"test WER {test_metrics['test_wer']:.3f}")
