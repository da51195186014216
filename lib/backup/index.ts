export { BACKUP_FORMAT, BACKUP_VERSION, MAX_BACKUP_CHARS, type BackupData, type BackupFileV1 } from './format';
export { exportBackup, type BackupSource } from './export';
export { parseBackup, type ParseBackupResult } from './parse';
export { importBackup, loadBackupSource, mergeBackup, type ImportResult, type MergeOutcome } from './merge';
export { exportCsv } from './csv';
