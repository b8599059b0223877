<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CommandLineTool</name>
    <message numerus="yes">
        <source>wordmill-cli: %n word(s) longer than 1000 bytes were not counted
</source>
        <translation>
            <numerusform>wordmill-cli: %n word longer than 1000 bytes was not counted
</numerusform>
            <numerusform>wordmill-cli: %n words longer than 1000 bytes were not counted
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merged %1 words (%2 distinct) from %n result file(s) in %3
</source>
        <translation>
            <numerusform>Merged %1 words (%2 distinct) from %n result file in %3
</numerusform>
            <numerusform>Merged %1 words (%2 distinct) from %n result files in %3
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileListModel</name>
    <message numerus="yes">
        <source>, %n byte(s) read as Windows-1252</source>
        <translation>
            <numerusform>, %n byte read as Windows-1252</numerusform>
            <numerusform>, %n bytes read as Windows-1252</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobCard</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), %1</source>
        <translation>
            <numerusform>%n file, %1</numerusform>
            <numerusform>%n files, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be counted: click to see why</source>
        <translation>
            <numerusform>%n file could not be counted: click to see why</numerusform>
            <numerusform>%n files could not be counted: click to see why</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result file(s) merged</source>
        <translation>
            <numerusform>%n result file merged</numerusform>
            <numerusform>%n result files merged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read</source>
        <translation>
            <numerusform>%n file could not be read</numerusform>
            <numerusform>%n files could not be read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be counted</source>
        <translation>
            <numerusform>%n file could not be counted</numerusform>
            <numerusform>%n files could not be counted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Partial: %1 of %n file(s) complete, %2 of %3</source>
        <translation>
            <numerusform>Partial: %1 of %n file complete, %2 of %3</numerusform>
            <numerusform>Partial: %1 of %n files complete, %2 of %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n input(s) ready: press Start</source>
        <translation>
            <numerusform>%n input ready: press Start</numerusform>
            <numerusform>%n inputs ready: press Start</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Fi&amp;les (%n problem(s))</source>
        <translation>
            <numerusform>Fi&amp;les (%n problem)</numerusform>
            <numerusform>Fi&amp;les (%n problems)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading %n result file(s)…</source>
        <translation>
            <numerusform>Reading %n result file…</numerusform>
            <numerusform>Reading %n result files…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Opened %n result file(s)</source>
        <translation>
            <numerusform>Opened %n result file</numerusform>
            <numerusform>Opened %n result files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OptionsPanel</name>
    <message numerus="yes">
        <source>Threads that count at once (this machine has %n core(s))</source>
        <translation>
            <numerusform>Threads that count at once (this machine has %n core)</numerusform>
            <numerusform>Threads that count at once (this machine has %n cores)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgressFormat</name>
    <message numerus="yes">
        <source>%n file(s), %1 found</source>
        <translation>
            <numerusform>%n file, %1 found</numerusform>
            <numerusform>%n files, %1 found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Counted %1 words (%2 distinct) in %n file(s), %3 in %4 (%5)</source>
        <translation>
            <numerusform>Counted %1 words (%2 distinct) in %n file, %3 in %4 (%5)</numerusform>
            <numerusform>Counted %1 words (%2 distinct) in %n files, %3 in %4 (%5)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultsExplorer</name>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) skipped</source>
        <translation>
            <numerusform>%n file skipped</numerusform>
            <numerusform>%n files skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n word(s) over 1,000 bytes not counted</source>
        <translation>
            <numerusform>%n word over 1,000 bytes not counted</numerusform>
            <numerusform>%n words over 1,000 bytes not counted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result file(s) merged</source>
        <translation>
            <numerusform>%n result file merged</numerusform>
            <numerusform>%n result files merged</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResumeController</name>
    <message numerus="yes">
        <source>WordMill stopped before %n job(s) ended. Resume them where they were?</source>
        <translation>
            <numerusform>WordMill stopped before %n job ended. Resume it where it was?</numerusform>
            <numerusform>WordMill stopped before %n jobs ended. Resume them where they were?</numerusform>
        </translation>
    </message>
</context>
</TS>
