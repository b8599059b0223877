<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>ChartContextMenu</name>
    <message>
        <source>Save as &amp;PNG…</source>
        <translation>Guardar como &amp;PNG…</translation>
    </message>
    <message>
        <source>Save as &amp;SVG…</source>
        <translation>Guardar como &amp;SVG…</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>Copy the chart to the clipboard as an image</source>
        <translation>Copiar el gráfico al portapapeles como imagen</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>No se ha podido escribir %1</translation>
    </message>
    <message>
        <source>Save Chart as SVG</source>
        <translation>Guardar el gráfico como SVG</translation>
    </message>
    <message>
        <source>Save Chart as PNG</source>
        <translation>Guardar el gráfico como PNG</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>Imagen SVG (*.svg)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Imagen PNG (*.png)</translation>
    </message>
    <message>
        <source>Save Chart</source>
        <translation>Guardar el gráfico</translation>
    </message>
</context>
<context>
    <name>CommandLineTool</name>
    <message>
        <source>Counts the words of text files with a parallel map-reduce and prints word&lt;TAB&gt;count lines, most frequent first.
With --merge, adds up the counts of result files written before instead.</source>
        <translation>Cuenta las palabras de archivos de texto con un map-reduce paralelo y escribe líneas palabra&lt;TAB&gt;frecuencia, de la más frecuente a la menos.
Con --merge, en cambio, suma las frecuencias de archivos de resultados escritos antes.</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PATH</translation>
    </message>
    <message>
        <source>PATH...</source>
        <translation>PATH...</translation>
    </message>
    <message>
        <source>Counting rules: &apos;words&apos; (Unicode words, lowercased, the default) or &apos;whitespace&apos; (split at ASCII whitespace).</source>
        <translation>Reglas de recuento: &apos;words&apos; (palabras Unicode en minúsculas; la opción predeterminada) o &apos;whitespace&apos; (separar por los espacios en blanco ASCII).</translation>
    </message>
    <message>
        <source>words|whitespace</source>
        <translation>words|whitespace</translation>
    </message>
    <message>
        <source>Worker threads (default: %1, the cores found).</source>
        <translation>Hilos de trabajo (predeterminado: %1, los núcleos detectados).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Bytes per chunk of work, at least 1024; K, M and G suffixes allowed (default 4M).</source>
        <translation>Bytes por fragmento de trabajo, como mínimo 1024; se admiten los sufijos K, M y G (predeterminado: 4M).</translation>
    </message>
    <message>
        <source>BYTES</source>
        <translation>BYTES</translation>
    </message>
    <message>
        <source>Print only the N most frequent words.</source>
        <translation>Escribir solo las N palabras más frecuentes.</translation>
    </message>
    <message>
        <source>Output format: tsv (default), csv or json.</source>
        <translation>Formato de salida: tsv (predeterminado), csv o json.</translation>
    </message>
    <message>
        <source>tsv|csv|json</source>
        <translation>tsv|csv|json</translation>
    </message>
    <message>
        <source>Count BYTES of generated sample text (K, M, G suffixes allowed) instead of, or besides, files.</source>
        <translation>Contar BYTES de texto de muestra generado (se admiten los sufijos K, M y G) en lugar de archivos o además de ellos.</translation>
    </message>
    <message>
        <source>Show no progress.</source>
        <translation>No mostrar el progreso.</translation>
    </message>
    <message>
        <source>--merge adds up result files: --%1 does not apply</source>
        <translation>--merge suma archivos de resultados: --%1 no se aplica</translation>
    </message>
    <message>
        <source>unknown mode &apos;%1&apos;: use words or whitespace</source>
        <translation>modo desconocido &apos;%1&apos;: los valores válidos son words y whitespace</translation>
    </message>
    <message>
        <source>unknown format &apos;%1&apos;: use tsv, csv or json</source>
        <translation>formato desconocido &apos;%1&apos;: los valores válidos son tsv, csv y json</translation>
    </message>
    <message>
        <source>--threads needs a whole number from 1 to 1024</source>
        <translation>--threads necesita un número entero del 1 al 1024</translation>
    </message>
    <message>
        <source>--chunk-size needs a size from 1K to 1G</source>
        <translation>--chunk-size necesita un tamaño de 1K a 1G</translation>
    </message>
    <message>
        <source>--top needs a whole number of at least 1</source>
        <translation>--top necesita un número entero mayor o igual que 1</translation>
    </message>
    <message>
        <source>--sample needs a size in bytes, such as 100M</source>
        <translation>--sample necesita un tamaño en bytes, como 100M</translation>
    </message>
    <message>
        <source>no input: --merge needs result files (TSV or JSON)</source>
        <translation>no hay entradas: --merge necesita archivos de resultados (TSV o JSON)</translation>
    </message>
    <message>
        <source>wordmill-cli: interrupted; nothing was printed
</source>
        <translation>wordmill-cli: interrumpido; no se ha escrito nada
</translation>
    </message>
    <message numerus="yes">
        <source>wordmill-cli: %n word(s) longer than 1000 bytes were not counted
</source>
        <translation>
            <numerusform>wordmill-cli: no se ha contado %n palabra de más de 1000 bytes
</numerusform>
            <numerusform>wordmill-cli: no se han contado %n palabras de más de 1000 bytes
</numerusform>
        </translation>
    </message>
    <message>
        <source>wordmill-cli: none of the result files could be read; nothing was printed
</source>
        <translation>wordmill-cli: no se ha podido leer ninguno de los archivos de resultados; no se ha escrito nada
</translation>
    </message>
    <message numerus="yes">
        <source>Merged %1 words (%2 distinct) from %n result file(s) in %3
</source>
        <translation>
            <numerusform>Se han combinado %1 palabras (%2 distintas) de %n archivo de resultados en %3
</numerusform>
            <numerusform>Se han combinado %1 palabras (%2 distintas) de %n archivos de resultados en %3
</numerusform>
        </translation>
    </message>
    <message>
        <source>wordmill-cli: cannot write the results: %1
</source>
        <translation>wordmill-cli: no se pueden escribir los resultados: %1
</translation>
    </message>
    <message>
        <source>wordmill-cli: cannot write the output: %1
</source>
        <translation>wordmill-cli: no se puede escribir la salida: %1
</translation>
    </message>
    <message>
        <source>wordmill-cli: stopped by %1; nothing was printed
</source>
        <translation>wordmill-cli: detenido por %1; no se ha escrito nada
</translation>
    </message>
    <message>
        <source>Read the PATHs as WordMill results (TSV or JSON, as --format writes them; &apos;-&apos; reads one from standard input), add up their counts and print the merged result. --mode, --sample, --threads and --chunk-size do not apply.</source>
        <translation>Leer cada PATH como resultado de WordMill (TSV o JSON, tal como los escribe --format; &apos;-&apos; lee uno de la entrada estándar), sumar sus frecuencias y escribir el resultado combinado. --mode, --sample, --threads y --chunk-size no se aplican.</translation>
    </message>
    <message>
        <source>Write the result to FILE instead of standard output. FILE is replaced only once the whole result is written: a run that fails or is stopped leaves it as it was.</source>
        <translation>Escribir el resultado en FILE en lugar de en la salida estándar. FILE solo se sustituye cuando el resultado entero está escrito: una ejecución que falla o se detiene lo deja como estaba.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Read the PATHs from FILE, each ended by a NUL byte, as &apos;find -print0&apos; writes them (&apos;-&apos;: standard input), instead of from the command line.</source>
        <translation>Leer cada PATH de FILE, terminado por un byte NUL, tal como los escribe &apos;find -print0&apos; (&apos;-&apos;: la entrada estándar), en lugar de la línea de órdenes.</translation>
    </message>
    <message>
        <source>--files0-from gives the inputs: give no PATH as well</source>
        <translation>--files0-from indica las entradas: no indicar además ningún PATH</translation>
    </message>
    <message>
        <source>the list of inputs comes from standard input: it cannot name &apos;-&apos;</source>
        <translation>la lista de entradas viene de la entrada estándar: no puede nombrar &apos;-&apos;</translation>
    </message>
    <message>
        <source>&apos;-&apos; (standard input) can be given once</source>
        <translation>&apos;-&apos; (la entrada estándar) solo se puede indicar una vez</translation>
    </message>
    <message>
        <source>wordmill-cli: cannot write %1: %2
</source>
        <translation>wordmill-cli: no se puede escribir %1: %2
</translation>
    </message>
    <message>
        <source>Files and folders to count (folders recursively); &apos;-&apos;, or no PATH while standard input is not a terminal, counts standard input; with --merge, result files (TSV or JSON).</source>
        <translation>Archivos y carpetas que contar (las carpetas, de forma recursiva); &apos;-&apos;, o ningún PATH cuando la entrada estándar no es un terminal, cuenta la entrada estándar; con --merge, archivos de resultados (TSV o JSON).</translation>
    </message>
    <message>
        <source>no input: give files or folders, &apos;-&apos; for standard input, or --sample BYTES</source>
        <translation>no hay entradas: indicar archivos o carpetas, &apos;-&apos; para la entrada estándar, o --sample BYTES</translation>
    </message>
    <message>
        <source>Show progress on stderr (the default when stderr is a terminal); --progress=json writes one JSON object per line instead, for scripts.</source>
        <translation>Mostrar el progreso en stderr (lo predeterminado cuando stderr es un terminal); --progress=json escribe en su lugar un objeto JSON por línea, para scripts.</translation>
    </message>
    <message>
        <source>unknown progress format &apos;%1&apos;: use text or json</source>
        <translation>formato de progreso desconocido &apos;%1&apos;: usar text o json</translation>
    </message>
    <message>
        <source>Hadoop Streaming mapper: count the text on standard input (decoded as files are, with the --mode rules) and print partial counts, word&lt;TAB&gt;count lines in no order; a word may appear on several lines. Memory stays near --map-memory.</source>
        <translation>Mapper de Hadoop Streaming: cuenta el texto de la entrada estándar (decodificado como los archivos, con las reglas de --mode) y escribe recuentos parciales, líneas palabra&lt;TAB&gt;frecuencia sin un orden concreto; una palabra puede salir en varias líneas. La memoria se mantiene cerca de --map-memory.</translation>
    </message>
    <message>
        <source>Hadoop Streaming reducer: read word&lt;TAB&gt;count lines sorted by word (as the shuffle or LC_ALL=C sort delivers them) on standard input and print each word once with the sum of its counts, in constant memory. Unsorted or malformed input is an error (exit status 2).</source>
        <translation>Reducer de Hadoop Streaming: lee de la entrada estándar líneas palabra&lt;TAB&gt;frecuencia ordenadas por palabra (como las entrega el shuffle o LC_ALL=C sort) y escribe cada palabra una vez con la suma de sus frecuencias, en memoria constante. Una entrada sin ordenar o mal formada es un error (código de salida 2).</translation>
    </message>
    <message>
        <source>With --map: print and forget the counts before they take more than BYTES of memory (K, M, G suffixes allowed; default 64M).</source>
        <translation>Con --map: escribe y olvida los recuentos antes de que ocupen más de BYTES de memoria (se admiten los sufijos K, M y G; predeterminado: 64M).</translation>
    </message>
    <message>
        <source>%1 and %2 cannot be used together</source>
        <translation>%1 y %2 no se pueden usar juntas</translation>
    </message>
    <message>
        <source>%1 reads standard input: give no PATH</source>
        <translation>%1 lee la entrada estándar: no indicar ninguna PATH</translation>
    </message>
    <message>
        <source>%1 streams word&lt;TAB&gt;count lines: --%2 does not apply</source>
        <translation>%1 trabaja con líneas palabra&lt;TAB&gt;frecuencia: --%2 no se aplica</translation>
    </message>
    <message>
        <source>--map-memory applies to --map only</source>
        <translation>--map-memory solo se aplica a --map</translation>
    </message>
    <message>
        <source>--map-memory needs a size in bytes, such as 64M</source>
        <translation>--map-memory necesita un tamaño en bytes, como 64M</translation>
    </message>
    <message>
        <source>wordmill-cli: interrupted; the output is incomplete
</source>
        <translation>wordmill-cli: interrumpido; la salida está incompleta
</translation>
    </message>
    <message>
        <source>wordmill-cli: stopped by %1; the output is incomplete
</source>
        <translation>wordmill-cli: detenido por %1; la salida está incompleta
</translation>
    </message>
    <message>
        <source>wordmill-cli: standard input: %1
</source>
        <translation>wordmill-cli: entrada estándar: %1
</translation>
    </message>
    <message>
        <source>Try &apos;%1 --help&apos; for more information.
</source>
        <translation>Pruebe «%1 --help» para más información.
</translation>
    </message>
    <message>
        <source>cannot read the list of inputs %1: %2
</source>
        <translation>no se puede leer la lista de entradas %1: %2
</translation>
    </message>
    <message>
        <source>%1: entry %2 is an empty name
</source>
        <translation>%1: la entrada %2 es un nombre vacío
</translation>
    </message>
    <message>
        <source>Counts the words of text files with a parallel map-reduce spread over the ranks of an MPI job (mpirun, srun) and prints what wordmill-cli prints: word&lt;TAB&gt;count lines, most frequent first.</source>
        <translation>Cuenta las palabras de archivos de texto con un map-reduce paralelo repartido entre los rangos de un trabajo MPI (mpirun, srun) y escribe lo mismo que wordmill-cli: líneas palabra&lt;TAB&gt;frecuencia, de la más frecuente a la menos.</translation>
    </message>
    <message>
        <source>Files and folders to count (folders recursively), on a file system that every rank sees.</source>
        <translation>Archivos y carpetas que contar (las carpetas, con todo su contenido), en un sistema de archivos que vean todos los rangos.</translation>
    </message>
    <message>
        <source>While counting, save the work done to FILE every few seconds (crash-safely), and when stopped by a signal, so that --resume can continue it. FILE is removed once the job is done.</source>
        <translation>Mientras cuenta, guardar el trabajo hecho en FILE cada pocos segundos (a prueba de caídas), y también cuando una señal lo detiene, para que --resume pueda continuarlo. FILE se borra cuando el trabajo termina.</translation>
    </message>
    <message>
        <source>With --checkpoint: seconds between checkpoints (default 5; fractions allowed).</source>
        <translation>Con --checkpoint: segundos entre puntos de control (predeterminado: 5; se admiten fracciones).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SEGUNDOS</translation>
    </message>
    <message>
        <source>--checkpoint-interval needs a number of seconds, such as 5 or 0.5</source>
        <translation>--checkpoint-interval necesita un número de segundos, como 5 o 0.5</translation>
    </message>
    <message>
        <source>--checkpoint and --resume need files or --sample: standard input cannot be read again</source>
        <translation>--checkpoint y --resume necesitan archivos o --sample: la entrada estándar no se puede volver a leer</translation>
    </message>
    <message>
        <source>wordmill-cli: cannot write the checkpoint %1: %2
</source>
        <translation>wordmill-cli: no se puede escribir el punto de control %1: %2
</translation>
    </message>
    <message>
        <source>wordmill-cli: give the inputs to count them from the start
</source>
        <translation>wordmill-cli: indique las entradas para contarlas desde el principio
</translation>
    </message>
    <message>
        <source>wordmill-cli: %1: no checkpoint to resume from; counting from the start
</source>
        <translation>wordmill-cli: %1: no hay punto de control desde el que reanudar; se cuenta desde el principio
</translation>
    </message>
    <message>
        <source>wordmill-cli: %1; counting from the start
</source>
        <translation>wordmill-cli: %1; se cuenta desde el principio
</translation>
    </message>
    <message>
        <source>wordmill-cli: cannot resume from %1: %2; counting from the start
</source>
        <translation>wordmill-cli: no se puede reanudar desde %1: %2; se cuenta desde el principio
</translation>
    </message>
    <message>
        <source>wordmill-cli: resuming from %1
</source>
        <translation>wordmill-cli: reanudando desde %1
</translation>
    </message>
    <message>
        <source>wordmill-cli: the work so far is kept in %1: continue it with --resume
</source>
        <translation>wordmill-cli: el trabajo hecho se guardó en %1: continúelo con --resume
</translation>
    </message>
    <message>
        <source>--checkpoint-interval applies to --checkpoint and --resume only</source>
        <translation>--checkpoint-interval solo se aplica con --checkpoint o --resume</translation>
    </message>
    <message>
        <source>wordmill-cli: resuming from %1; %2
</source>
        <translation>wordmill-cli: reanudando desde %1; %2
</translation>
    </message>
    <message>
        <source>Continue the job saved in FILE by --checkpoint, counting only what it had not merged; without PATH, its inputs and options are the job&apos;s. An input changed since and not counted completely is counted again alone. A checkpoint that cannot be read, is of another job or one of whose complete inputs changed is said, and the count starts over. The job goes on saving to FILE (to --checkpoint&apos;s FILE if given), which is removed once the job is done.</source>
        <translation>Continuar el trabajo que --checkpoint guardó en FILE, contando solo lo que no había combinado; sin PATH, sus entradas y opciones son las del trabajo. Una entrada que cambió desde entonces y no se había contado por completo se vuelve a contar sola. Si el punto de control no se puede leer, es de otro trabajo o cambió una de sus entradas completas, se avisa y el recuento empieza de nuevo. El trabajo sigue guardándose en FILE (en el FILE de --checkpoint si se da), que se borra cuando el trabajo termina.</translation>
    </message>
</context>
<context>
    <name>CountJob</name>
    <message>
        <source>None of the inputs could be counted.</source>
        <translation>No se ha podido contar ninguna de las entradas.</translation>
    </message>
</context>
<context>
    <name>ExportOptions</name>
    <message>
        <source>CSV, the table as shown (*.csv)</source>
        <translation>CSV, la tabla tal como se ve (*.csv)</translation>
    </message>
    <message>
        <source>CSV for spreadsheets (;) (*.csv)</source>
        <translation>CSV para hojas de cálculo (;) (*.csv)</translation>
    </message>
    <message>
        <source>Tab-separated, words and counts (*.tsv)</source>
        <translation>Separado por tabuladores, palabras y frecuencias (*.tsv)</translation>
    </message>
    <message>
        <source>JSON, words and counts (*.json)</source>
        <translation>JSON, palabras y frecuencias (*.json)</translation>
    </message>
</context>
<context>
    <name>FileListModel</name>
    <message>
        <source>waiting</source>
        <translation>en espera</translation>
    </message>
    <message>
        <source>counting</source>
        <translation>contando</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminado</translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>omitido: %1</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>error: %1</translation>
    </message>
    <message numerus="yes">
        <source>, %n byte(s) read as Windows-1252</source>
        <translation>
            <numerusform>, %n byte leído como Windows-1252</numerusform>
            <numerusform>, %n bytes leídos como Windows-1252</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Palabras</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Codificación</translation>
    </message>
    <message>
        <source>not counted: cancelled</source>
        <translation>sin contar: cancelado</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>en cola</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
</context>
<context>
    <name>FileSource</name>
    <message>
        <source>cannot open: %1</source>
        <translation>no se puede abrir: %1</translation>
    </message>
    <message>
        <source>read error at byte %1: %2</source>
        <translation>error de lectura en el byte %1: %2</translation>
    </message>
    <message>
        <source>the file shrank while it was read (%1 bytes expected, it ends at byte %2)</source>
        <translation>el archivo ha encogido durante la lectura (se esperaban %1 bytes y termina en el byte %2)</translation>
    </message>
    <message>
        <source>the file shrank while it was read (%1 bytes expected, %2 now)</source>
        <translation>el archivo ha encogido durante la lectura (se esperaban %1 bytes y ahora tiene %2)</translation>
    </message>
    <message>
        <source>the file changed while it was read</source>
        <translation>el archivo ha cambiado durante la lectura</translation>
    </message>
    <message>
        <source>the file was replaced while it was read</source>
        <translation>el archivo se ha sustituido por otro durante la lectura</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>WordMill &amp;Manual</source>
        <translation>&amp;Manual de WordMill</translation>
    </message>
    <message>
        <source>Open the README installed with WordMill</source>
        <translation>Abrir el README instalado con WordMill</translation>
    </message>
    <message>
        <source>WordMill Manual</source>
        <translation>Manual de WordMill</translation>
    </message>
    <message>
        <source>The README was not found. Try &apos;man wordmill&apos; in a terminal.</source>
        <translation>No se ha encontrado el README. El manual también se puede consultar con &apos;man wordmill&apos; en un terminal.</translation>
    </message>
    <message>
        <source>No program could open %1. Try &apos;man wordmill&apos; in a terminal.</source>
        <translation>Ningún programa ha podido abrir %1. El manual también se puede consultar con &apos;man wordmill&apos; en un terminal.</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>&amp;About WordMill</source>
        <translation>A&amp;cerca de WordMill</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Acerca de &amp;Qt</translation>
    </message>
    <message>
        <source>Copy the selected result rows</source>
        <translation>Copiar las filas de resultados seleccionadas</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>About WordMill</source>
        <translation>Acerca de WordMill</translation>
    </message>
    <message>
        <source>&lt;h3&gt;WordMill %1&lt;/h3&gt;&lt;p&gt;Counts the words of text files with a parallel map-reduce, and lets you watch, pause and cancel the work while it runs.&lt;/p&gt;&lt;p&gt;Licence: GNU General Public License, version 3 or later.&lt;/p&gt;&lt;p&gt;Built with Qt %2; running with Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;WordMill %1&lt;/h3&gt;&lt;p&gt;Cuenta las palabras de archivos de texto con un map-reduce paralelo y permite seguir, pausar y cancelar el trabajo mientras se ejecuta.&lt;/p&gt;&lt;p&gt;Licencia: GNU General Public License, versión 3 o posterior.&lt;/p&gt;&lt;p&gt;Compilado con Qt %2; en ejecución con Qt %3.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open the context menu of a job card, the results table or a chart</source>
        <translation>Abrir el menú contextual de una tarjeta de trabajo, de la tabla de resultados o de un gráfico</translation>
    </message>
</context>
<context>
    <name>JobCard</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Job: %1</source>
        <translation>Trabajo: %1</translation>
    </message>
    <message>
        <source>Show problem files</source>
        <translation>Mostrar los archivos con problemas</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Pause or resume this job</source>
        <translation>Pausar o reanudar este trabajo</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel this job</source>
        <translation>Cancelar este trabajo</translation>
    </message>
    <message>
        <source>Cancel this job (Esc)</source>
        <translation>Cancelar este trabajo (Esc)</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Explorar</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Contar</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Combinar</translation>
    </message>
    <message>
        <source>Sort</source>
        <translation>Ordenar</translation>
    </message>
    <message>
        <source>%1 progress</source>
        <translation>Progreso de la fase %1</translation>
    </message>
    <message>
        <source>Nothing to count</source>
        <translation>Nada que contar</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 y %n más</numerusform>
            <numerusform>%1 y %n más</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), %1</source>
        <translation>
            <numerusform>%n archivo, %1</numerusform>
            <numerusform>%n archivos, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>%1 distinct words</source>
        <translation>%1 palabras distintas</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problema</numerusform>
            <numerusform>%n problemas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be counted: click to see why</source>
        <translation>
            <numerusform>No se ha podido contar %n archivo: clic para ver el motivo</numerusform>
            <numerusform>No se han podido contar %n archivos: clic para ver los motivos</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>%1 (stalled)</source>
        <translation>%1 (detenido)</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>Estado: %1</translation>
    </message>
    <message>
        <source>%1 in %2 (%3) · scan %4 · count %5 · sort %6</source>
        <translation>%1 en %2 (%3) · explorar: %4 · contar: %5 · ordenar: %6</translation>
    </message>
    <message>
        <source>Cancelled before it started: nothing was counted</source>
        <translation>Cancelado antes de empezar: no se ha contado nada</translation>
    </message>
    <message>
        <source>Cancelled after %1 at %2 of %3: no counts</source>
        <translation>Cancelado tras %1, con %2 de %3 contados: sin resultados</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Abierto</translation>
    </message>
    <message numerus="yes">
        <source>%n result file(s) merged</source>
        <translation>
            <numerusform>%n archivo de resultados combinado</numerusform>
            <numerusform>%n archivos de resultados combinados</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 words</source>
        <translation>%1 palabras</translation>
    </message>
    <message>
        <source>%1 distinct</source>
        <translation>%1 distintas</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read</source>
        <translation>
            <numerusform>no se ha podido leer %n archivo</numerusform>
            <numerusform>no se han podido leer %n archivos</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 in all</source>
        <translation>%1 · %2 en total</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Run this job again</source>
        <translation>Volver a ejecutar este trabajo</translation>
    </message>
    <message>
        <source>Run this job again with the same inputs and options</source>
        <translation>Volver a ejecutar este trabajo con las mismas entradas y opciones</translation>
    </message>
    <message>
        <source>Remove this job</source>
        <translation>Quitar este trabajo</translation>
    </message>
    <message>
        <source>Remove this job and free its results (Del)</source>
        <translation>Quitar este trabajo y liberar sus resultados (Supr)</translation>
    </message>
    <message>
        <source>Start Sooner</source>
        <translation>Empezar antes</translation>
    </message>
    <message>
        <source>Start Later</source>
        <translation>Empezar después</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Liberar</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Retener</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Retenido</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>Leyendo %1</translation>
    </message>
    <message>
        <source>Open Counts</source>
        <translation>Abrir resultados</translation>
    </message>
    <message>
        <source>Open the counts this job saved to a file</source>
        <translation>Abrir los resultados de este trabajo guardados en un archivo</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Interrumpido</translation>
    </message>
    <message>
        <source>Cancelled: no counts</source>
        <translation>Cancelado: sin resultados</translation>
    </message>
    <message>
        <source>WordMill quit before this job ended: no counts</source>
        <translation>WordMill se cerró antes de que terminara este trabajo: sin resultados</translation>
    </message>
    <message>
        <source>From an earlier session, %1</source>
        <translation>De una sesión anterior, %1</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be counted</source>
        <translation>
            <numerusform>no se ha podido contar %n archivo</numerusform>
            <numerusform>no se han podido contar %n archivos</numerusform>
        </translation>
    </message>
    <message>
        <source>Counts saved to %1</source>
        <translation>Resultados guardados en %1</translation>
    </message>
    <message>
        <source>Open these result files again</source>
        <translation>Volver a abrir estos archivos de resultados</translation>
    </message>
    <message>
        <source>Cancelled after %1 working (%2 in all) at %3 of %4: no counts</source>
        <translation>Cancelado tras %1 trabajando (%2 en total), con %3 de %4 contados: sin resultados</translation>
    </message>
    <message>
        <source>Stop and Keep</source>
        <translation>Parar y conservar</translation>
    </message>
    <message>
        <source>End the job, keeping the counts of the files counted completely</source>
        <translation>Terminar el trabajo conservando los recuentos de los archivos contados por completo</translation>
    </message>
    <message>
        <source>Done (partial)</source>
        <translation>Hecho (parcial)</translation>
    </message>
    <message numerus="yes">
        <source>Partial: %1 of %n file(s) complete, %2 of %3</source>
        <translation>
            <numerusform>Parcial: %1 de %n archivo completo, %2 de %3</numerusform>
            <numerusform>Parcial: %1 de %n archivos completos, %2 de %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobCheckpoint</name>
    <message>
        <source>the checkpoint is cut short (%1 bytes)</source>
        <translation>el punto de control está cortado (%1 bytes)</translation>
    </message>
    <message>
        <source>not a WordMill checkpoint</source>
        <translation>no es un punto de control de WordMill</translation>
    </message>
    <message>
        <source>the checkpoint has format %1; this WordMill reads format %2</source>
        <translation>el punto de control tiene el formato %1; este WordMill lee el formato %2</translation>
    </message>
    <message>
        <source>the checkpoint is cut short (%1 of %2 bytes)</source>
        <translation>el punto de control está cortado (%1 de %2 bytes)</translation>
    </message>
    <message>
        <source>the checkpoint is damaged (its checksum does not match)</source>
        <translation>el punto de control está dañado (su suma de comprobación no coincide)</translation>
    </message>
    <message>
        <source>the checkpoint is damaged (a file&apos;s state is unknown)</source>
        <translation>el punto de control está dañado (el estado de un archivo es desconocido)</translation>
    </message>
    <message>
        <source>the checkpoint is damaged (its contents do not add up)</source>
        <translation>el punto de control está dañado (su contenido no cuadra)</translation>
    </message>
    <message>
        <source>%1: cannot read the checkpoint: %2</source>
        <translation>%1: no se puede leer el punto de control: %2</translation>
    </message>
    <message>
        <source>%1: cannot write the checkpoint: %2</source>
        <translation>%1: no se puede escribir el punto de control: %2</translation>
    </message>
</context>
<context>
    <name>JobCheckpointer</name>
    <message>
        <source>the checkpoint is of another job (other inputs, mode or chunk size)</source>
        <translation>el punto de control es de otro trabajo (otras entradas, otro modo u otro tamaño de fragmento)</translation>
    </message>
    <message>
        <source>the sample</source>
        <translation>la muestra</translation>
    </message>
    <message>
        <source>%1 is gone or cannot be counted now</source>
        <translation>%1 ya no está o ahora no se puede contar</translation>
    </message>
    <message>
        <source>%1 changed size (%2 bytes, now %3)</source>
        <translation>%1 cambió de tamaño (%2 bytes, ahora %3)</translation>
    </message>
    <message>
        <source>%1 was modified</source>
        <translation>%1 se modificó</translation>
    </message>
    <message>
        <source>%1 is new</source>
        <translation>%1 es nuevo</translation>
    </message>
    <message>
        <source>inputs counted completely before the checkpoint changed since, and their counts cannot be taken out of the merged total: %1</source>
        <translation>cambiaron entradas que ya se habían contado por completo antes del punto de control, y sus recuentos no se pueden sacar del total combinado: %1</translation>
    </message>
    <message>
        <source>inputs changed since the checkpoint are counted from their start: %1</source>
        <translation>las entradas que cambiaron desde el punto de control se cuentan desde su principio: %1</translation>
    </message>
</context>
<context>
    <name>LanesWidget</name>
    <message>
        <source>Worker lanes</source>
        <translation>Calles de los hilos</translation>
    </message>
    <message>
        <source>Scan, sort</source>
        <translation>Explorar, ordenar</translation>
    </message>
    <message>
        <source>Reduce queue</source>
        <translation>Cola de combinación</translation>
    </message>
    <message>
        <source>Worker %1</source>
        <translation>Hilo %1</translation>
    </message>
    <message>
        <source>Counting (colour: file)</source>
        <translation>Contando (color: archivo)</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Leyendo</translation>
    </message>
    <message>
        <source>Merging</source>
        <translation>Combinando</translation>
    </message>
    <message>
        <source>Waiting for a table slot</source>
        <translation>Esperando una tabla libre</translation>
    </message>
    <message>
        <source>In the reduce queue</source>
        <translation>En la cola de combinación</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Ocioso</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Explorar</translation>
    </message>
    <message>
        <source>Sort</source>
        <translation>Ordenar</translation>
    </message>
    <message>
        <source>%1 chunks waiting for the reducer</source>
        <translation>%1 fragmentos esperando a la combinación</translation>
    </message>
    <message>
        <source>%1–%2 s</source>
        <translation>%1–%2 s</translation>
    </message>
    <message>
        <source>%1 chunks counted, %2, %3 words
%4 ms busy, %5 ms reading
%6</source>
        <translation>%1 fragmentos contados, %2, %3 palabras
%4 ms ocupado, %5 ms leyendo
%6</translation>
    </message>
    <message>
        <source>%1
bytes %2 to %3 (%4), %5 words
%6 ms: %7 ms reading, %8 ms on a CPU
%9</source>
        <translation>%1
bytes %2 a %3 (%4), %5 palabras
%6 ms: %7 ms leyendo, %8 ms en una CPU
%9</translation>
    </message>
    <message>
        <source>%1 chunk tables merged, %2 ms
%3</source>
        <translation>%1 tablas de fragmentos combinadas, %2 ms
%3</translation>
    </message>
    <message>
        <source>Merging a chunk table of %1 (%2 ms; it waited %3 ms in the queue)
%4
%5</source>
        <translation>Combinando la tabla de un fragmento de %1 (%2 ms; esperó %3 ms en la cola)
%4
%5</translation>
    </message>
    <message>
        <source>Waiting for a table slot: %1 ms (the tables counted wait for the reducer)
%2</source>
        <translation>Esperando una tabla libre: %1 ms (las tablas contadas esperan a la combinación)
%2</translation>
    </message>
    <message>
        <source>Paused: %1 ms
%2</source>
        <translation>En pausa: %1 ms
%2</translation>
    </message>
    <message>
        <source>Scan: %1 ms
%2</source>
        <translation>Exploración: %1 ms
%2</translation>
    </message>
    <message>
        <source>Sort: %1 ms
%2</source>
        <translation>Ordenación: %1 ms
%2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>WordMill</source>
        <translation>WordMill</translation>
    </message>
    <message>
        <source>No jobs yet. Open files or a folder, drop them on this window, or try a generated sample.</source>
        <translation>Aún no hay trabajos. Se pueden abrir archivos o una carpeta, soltarlos en esta ventana o probar con una muestra generada.</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Trabajos</translation>
    </message>
    <message>
        <source>Files of the selected job</source>
        <translation>Archivos del trabajo seleccionado</translation>
    </message>
    <message>
        <source>Fi&amp;les</source>
        <translation>Ar&amp;chivos</translation>
    </message>
    <message>
        <source>&amp;Results</source>
        <translation>&amp;Resultados</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Open &amp;Files…</source>
        <translation>Abrir &amp;archivos…</translation>
    </message>
    <message>
        <source>Choose text files to count</source>
        <translation>Elegir archivos de texto para contarlos</translation>
    </message>
    <message>
        <source>Open F&amp;older…</source>
        <translation>Abrir &amp;carpeta…</translation>
    </message>
    <message>
        <source>Choose a folder: every text file in it is counted</source>
        <translation>Elegir una carpeta: se cuentan todos los archivos de texto que contiene</translation>
    </message>
    <message>
        <source>Try a &amp;Sample…</source>
        <translation>Probar con una &amp;muestra…</translation>
    </message>
    <message>
        <source>Count generated sample text, from 10 MB to 10 GB</source>
        <translation>Contar texto de muestra generado, de 10 MB a 10 GB</translation>
    </message>
    <message>
        <source>S&amp;tart</source>
        <translation>&amp;Iniciar</translation>
    </message>
    <message>
        <source>Start a job on the chosen inputs</source>
        <translation>Iniciar un trabajo con las entradas elegidas</translation>
    </message>
    <message>
        <source>&amp;Cancel All</source>
        <translation>&amp;Cancelar todos</translation>
    </message>
    <message>
        <source>Cancel every running and queued job</source>
        <translation>Cancelar todos los trabajos en curso y en cola</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>Open Res&amp;ults…</source>
        <translation>Abrir res&amp;ultados…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Job</source>
        <translation>&amp;Trabajo</translation>
    </message>
    <message>
        <source>&amp;Pause or Resume Selected</source>
        <translation>&amp;Pausar o reanudar el trabajo seleccionado</translation>
    </message>
    <message>
        <source>Cancel &amp;Selected</source>
        <translation>Cancelar el trabajo &amp;seleccionado</translation>
    </message>
    <message>
        <source>Select &amp;Next Job</source>
        <translation>Seleccionar el trabajo si&amp;guiente</translation>
    </message>
    <message>
        <source>Select P&amp;revious Job</source>
        <translation>Seleccionar el trabajo &amp;anterior</translation>
    </message>
    <message numerus="yes">
        <source>%n input(s) ready: press Start</source>
        <translation>
            <numerusform>%n entrada lista: pulsar Iniciar</numerusform>
            <numerusform>%n entradas listas: pulsar Iniciar</numerusform>
        </translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation>Iniciado: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Fi&amp;les (%n problem(s))</source>
        <translation>
            <numerusform>Ar&amp;chivos (%n problema)</numerusform>
            <numerusform>Ar&amp;chivos (%n problemas)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading %n result file(s)…</source>
        <translation>
            <numerusform>Leyendo %n archivo de resultados…</numerusform>
            <numerusform>Leyendo %n archivos de resultados…</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Results</source>
        <translation>Abrir resultados</translation>
    </message>
    <message numerus="yes">
        <source>Opened %n result file(s)</source>
        <translation>
            <numerusform>Se ha abierto %n archivo de resultados</numerusform>
            <numerusform>Se han abierto %n archivos de resultados</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Text Files</source>
        <translation>Abrir archivos de texto</translation>
    </message>
    <message>
        <source>Text files (*.txt *.text *.log *.csv *.tsv *.md *.srt *.vtt);;All files (*)</source>
        <translation>Archivos de texto (*.txt *.text *.log *.csv *.tsv *.md *.srt *.vtt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Abrir carpeta</translation>
    </message>
    <message>
        <source>Try a Sample</source>
        <translation>Probar con una muestra</translation>
    </message>
    <message>
        <source>Generated text (Spanish and English words) is counted as it is made; nothing is written to disk.
Size:</source>
        <translation>El texto generado (palabras en español y en inglés) se cuenta a medida que se crea; no se escribe nada en el disco.
Tamaño:</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Automatic (the system&apos;s language)</source>
        <translation>&amp;Automático (el idioma del sistema)</translation>
    </message>
    <message>
        <source>&amp;Problems only</source>
        <translation>Solo &amp;problemas</translation>
    </message>
    <message>
        <source>Show only the files that could not be counted</source>
        <translation>Mostrar solo los archivos que no se han podido contar</translation>
    </message>
    <message>
        <source>Open WordMill result files (TSV, CSV or JSON); several are merged into one table, counts added</source>
        <translation>Abrir archivos de resultados de WordMill (TSV, CSV o JSON); si son varios, se combinan en una sola tabla sumando las frecuencias</translation>
    </message>
    <message>
        <source>WordMill results (*.tsv *.csv *.json);;All files (*)</source>
        <translation>Resultados de WordMill (*.tsv *.csv *.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Re&amp;move Selected</source>
        <translation>&amp;Quitar el trabajo seleccionado</translation>
    </message>
    <message>
        <source>Remove the selected job, which has ended, and free its results</source>
        <translation>Quitar el trabajo seleccionado, que ya ha acabado, y liberar sus resultados</translation>
    </message>
    <message>
        <source>Clear &amp;Finished</source>
        <translation>Quitar los &amp;terminados</translation>
    </message>
    <message>
        <source>Remove every job that has ended and free its results; running and queued jobs stay</source>
        <translation>Quitar todos los trabajos que han acabado y liberar sus resultados; los trabajos en curso y en cola se quedan</translation>
    </message>
    <message>
        <source>Start S&amp;ooner</source>
        <translation>&amp;Empezar antes</translation>
    </message>
    <message>
        <source>Move the selected queued job before the one above it</source>
        <translation>Poner el trabajo en cola seleccionado delante del de arriba</translation>
    </message>
    <message>
        <source>Start &amp;Later</source>
        <translation>Empezar &amp;después</translation>
    </message>
    <message>
        <source>Move the selected queued job after the one below it</source>
        <translation>Poner el trabajo en cola seleccionado detrás del de abajo</translation>
    </message>
    <message>
        <source>&amp;Hold or Release Selected</source>
        <translation>Rete&amp;ner o liberar el trabajo seleccionado</translation>
    </message>
    <message>
        <source>Keep the selected queued job from starting, or let it start again</source>
        <translation>Impedir que empiece el trabajo en cola seleccionado, o dejar que pueda volver a empezar</translation>
    </message>
    <message>
        <source>Retr&amp;y Selected</source>
        <translation>&amp;Reintentar el trabajo seleccionado</translation>
    </message>
    <message>
        <source>Run the selected cancelled or failed job again with the same inputs and options</source>
        <translation>Volver a ejecutar el trabajo cancelado o fallido seleccionado con las mismas entradas y opciones</translation>
    </message>
    <message>
        <source>Started again: %1</source>
        <translation>Iniciado de nuevo: %1</translation>
    </message>
    <message>
        <source>%1 % — WordMill</source>
        <translation>%1 % — WordMill</translation>
    </message>
    <message>
        <source>The job history could not be saved: %1</source>
        <translation>No se ha podido guardar el historial de trabajos: %1</translation>
    </message>
    <message>
        <source>The job history could not be read; it starts again empty</source>
        <translation>No se ha podido leer el historial de trabajos; empieza de nuevo vacío</translation>
    </message>
    <message>
        <source>Already open: %1</source>
        <translation>Ya está abierto: %1</translation>
    </message>
    <message>
        <source>Wor&amp;kers</source>
        <translation>Hi&amp;los</translation>
    </message>
    <message>
        <source>Stop and &amp;Keep</source>
        <translation>Parar y &amp;conservar</translation>
    </message>
    <message>
        <source>End the selected job, keeping the counts of the files counted completely</source>
        <translation>Terminar el trabajo seleccionado conservando los recuentos de los archivos contados por completo</translation>
    </message>
</context>
<context>
    <name>MpiCountTool</name>
    <message>
        <source>every rank reads the inputs, so they must be files or folders that every rank sees, not standard input</source>
        <translation>todos los rangos leen las entradas, así que deben ser archivos o carpetas que vean todos los rangos, no la entrada estándar</translation>
    </message>
    <message>
        <source>wordmill-mpi: cannot write %1: %2
</source>
        <translation>wordmill-mpi: no se puede escribir %1: %2
</translation>
    </message>
    <message>
        <source> · slowest: rank %1 (%2 %)</source>
        <translation> · el más lento: rango %1 (%2 %)</translation>
    </message>
    <message>
        <source>wordmill-mpi: interrupted; nothing was printed
</source>
        <translation>wordmill-mpi: interrumpido; no se ha escrito nada
</translation>
    </message>
    <message>
        <source>wordmill-mpi: stopped by %1; nothing was printed
</source>
        <translation>wordmill-mpi: detenido por %1; no se ha escrito nada
</translation>
    </message>
    <message>
        <source>wordmill-mpi: the ranks found different inputs (did files change during the scan, or do the ranks see different folders?); nothing was printed
</source>
        <translation>wordmill-mpi: los rangos han encontrado entradas distintas (¿cambiaron archivos durante la exploración, o los rangos ven carpetas distintas?); no se ha escrito nada
</translation>
    </message>
    <message>
        <source>wordmill-mpi: cannot write the results: %1
</source>
        <translation>wordmill-mpi: no se pueden escribir los resultados: %1
</translation>
    </message>
    <message>
        <source>wordmill-mpi: %1 ranks; the all-to-all exchange of counts took %2 s
</source>
        <translation>wordmill-mpi: %1 rangos; el intercambio de recuentos entre todos tardó %2 s
</translation>
    </message>
</context>
<context>
    <name>OptionsPanel</name>
    <message>
        <source>No inputs yet: open files or a folder, or drop them here.</source>
        <translation>Aún no hay entradas: se pueden abrir archivos o una carpeta, o soltarlos aquí.</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vaciar</translation>
    </message>
    <message>
        <source>Clear the inputs of the next job</source>
        <translation>Vaciar las entradas del próximo trabajo</translation>
    </message>
    <message numerus="yes">
        <source>Threads that count at once (this machine has %n core(s))</source>
        <translation>
            <numerusform>Hilos que cuentan a la vez (este equipo tiene %n núcleo)</numerusform>
            <numerusform>Hilos que cuentan a la vez (este equipo tiene %n núcleos)</numerusform>
        </translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Hilos</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Palabras</translation>
    </message>
    <message>
        <source>Unicode words: letters, marks, numbers and inner apostrophes; lowercased and normalised</source>
        <translation>Palabras Unicode: letras, marcas diacríticas, números y apóstrofos internos; en minúsculas y normalizadas</translation>
    </message>
    <message>
        <source>Whitespace</source>
        <translation>Espacios en blanco</translation>
    </message>
    <message>
        <source>Anything between ASCII spaces, tabs and line breaks; only A-Z lowercased (the &quot;countwords&quot; benchmark&apos;s rules)</source>
        <translation>Todo lo que hay entre espacios, tabuladores y saltos de línea ASCII; solo se pasan a minúsculas A-Z (las reglas de la prueba de rendimiento &quot;countwords&quot;)</translation>
    </message>
    <message>
        <source>Counting mode</source>
        <translation>Modo de recuento</translation>
    </message>
    <message>
        <source>How much of a file one worker counts at a time</source>
        <translation>Parte de un archivo que un hilo cuenta de una vez</translation>
    </message>
    <message>
        <source>Chunk size</source>
        <translation>Tamaño de fragmento</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Iniciar</translation>
    </message>
    <message>
        <source>Start counting the inputs</source>
        <translation>Empezar a contar las entradas</translation>
    </message>
    <message>
        <source>&amp;Workers:</source>
        <translation>&amp;Hilos:</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>&amp;Modo:</translation>
    </message>
    <message>
        <source>&amp;Chunk size:</source>
        <translation>Tamaño de &amp;fragmento:</translation>
    </message>
    <message>
        <source>Next job</source>
        <translation>Próximo trabajo</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove the selected inputs from the next job (Del)</source>
        <translation>Quitar las entradas seleccionadas del próximo trabajo (Supr)</translation>
    </message>
    <message>
        <source>Remove the selected inputs of the next job</source>
        <translation>Quitar las entradas seleccionadas del próximo trabajo</translation>
    </message>
    <message>
        <source>Inputs of the next job</source>
        <translation>Entradas del próximo trabajo</translation>
    </message>
</context>
<context>
    <name>ProgressFormat</name>
    <message>
        <source>Generated sample (%1)</source>
        <translation>Muestra generada (%1)</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>no existe el archivo o la carpeta</translation>
    </message>
    <message>
        <source>a dangling symbolic link (its target %1 does not exist)</source>
        <translation>un enlace simbólico roto (su destino %1 no existe)</translation>
    </message>
    <message>
        <source>folder cannot be read (permission denied)</source>
        <translation>no se puede leer la carpeta (permiso denegado)</translation>
    </message>
    <message>
        <source>a FIFO (named pipe), not a regular file: not opened</source>
        <translation>un FIFO (tubería con nombre), no un archivo normal: no se ha abierto</translation>
    </message>
    <message>
        <source>a socket, not a regular file: not opened</source>
        <translation>un socket, no un archivo normal: no se ha abierto</translation>
    </message>
    <message>
        <source>a device, not a regular file: not opened</source>
        <translation>un dispositivo, no un archivo normal: no se ha abierto</translation>
    </message>
    <message>
        <source>not a regular file: not opened</source>
        <translation>no es un archivo normal: no se ha abierto</translation>
    </message>
    <message>
        <source>cannot be opened: %1</source>
        <translation>no se puede abrir: %1</translation>
    </message>
    <message>
        <source>read error: %1</source>
        <translation>error de lectura: %1</translation>
    </message>
    <message>
        <source>binary file (a NUL byte at offset %1)</source>
        <translation>archivo binario (un byte NUL en la posición %1)</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <source>Scanning</source>
        <translation>Explorando</translation>
    </message>
    <message>
        <source>Counting</source>
        <translation>Contando</translation>
    </message>
    <message>
        <source>Merging</source>
        <translation>Combinando</translation>
    </message>
    <message>
        <source>Sorting</source>
        <translation>Ordenando</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>quedan unos %1</translation>
    </message>
    <message>
        <source>sorted %1 %</source>
        <translation>ordenado: %1 %</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), %1 found</source>
        <translation>
            <numerusform>%n archivo encontrado, %1</numerusform>
            <numerusform>%n archivos encontrados, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pausa</translation>
    </message>
    <message>
        <source>%1 elapsed</source>
        <translation>%1 transcurrido</translation>
    </message>
    <message>
        <source>stalled</source>
        <translation>detenido</translation>
    </message>
    <message numerus="yes">
        <source>Counted %1 words (%2 distinct) in %n file(s), %3 in %4 (%5)</source>
        <translation>
            <numerusform>Se han contado %1 palabras (%2 distintas) en %n archivo, %3 en %4 (%5)</numerusform>
            <numerusform>Se han contado %1 palabras (%2 distintas) en %n archivos, %3 en %4 (%5)</numerusform>
        </translation>
    </message>
    <message>
        <source>a symbolic link loop (the link leads back to itself)</source>
        <translation>un bucle de enlaces simbólicos (el enlace lleva a sí mismo)</translation>
    </message>
    <message>
        <source>a link to a folder outside the one counted (%1): not followed</source>
        <translation>un enlace a una carpeta fuera de la que se cuenta (%1): no se sigue</translation>
    </message>
    <message>
        <source>%1 working · %2 in all</source>
        <translation>%1 trabajando · %2 en total</translation>
    </message>
    <message>
        <source>standard input</source>
        <translation>entrada estándar</translation>
    </message>
    <message>
        <source>%1 read</source>
        <translation>%1 leídos</translation>
    </message>
    <message>
        <source>estimating…</source>
        <translation>estimando…</translation>
    </message>
    <message>
        <source>%1 · %2 in all</source>
        <translation>%1 · %2 en total</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ResultReader</name>
    <message>
        <source>line %1: %2</source>
        <translation>línea %1: %2</translation>
    </message>
    <message>
        <source>the JSON ends too early (expected %1)</source>
        <translation>el JSON termina antes de tiempo (se esperaba %1)</translation>
    </message>
    <message>
        <source>not valid JSON (expected %1)</source>
        <translation>JSON no válido (se esperaba %1)</translation>
    </message>
    <message>
        <source>a WordMill JSON result is an object {&quot;words&quot;: [...]}</source>
        <translation>un resultado JSON de WordMill es un objeto {&quot;words&quot;: [...]}</translation>
    </message>
    <message>
        <source>a value</source>
        <translation>un valor</translation>
    </message>
    <message>
        <source>&quot;mode&quot; must be a string</source>
        <translation>&quot;mode&quot; debe ser una cadena</translation>
    </message>
    <message>
        <source>unknown mode &quot;%1&quot; (expected &quot;words&quot; or &quot;whitespace&quot;)</source>
        <translation>modo desconocido &quot;%1&quot; (se esperaba &quot;words&quot; o &quot;whitespace&quot;)</translation>
    </message>
    <message>
        <source>more text after the end of the JSON object</source>
        <translation>hay más texto tras el final del objeto JSON</translation>
    </message>
    <message>
        <source>no &quot;words&quot; array: not a WordMill result</source>
        <translation>no hay ninguna matriz &quot;words&quot;: no es un resultado de WordMill</translation>
    </message>
    <message>
        <source>&quot;words&quot; must be an array</source>
        <translation>&quot;words&quot; debe ser una matriz</translation>
    </message>
    <message>
        <source>an entry of &quot;words&quot;</source>
        <translation>una entrada de &quot;words&quot;</translation>
    </message>
    <message>
        <source>an entry of &quot;words&quot; must be an object {&quot;word&quot;: &quot;...&quot;, &quot;count&quot;: N}</source>
        <translation>una entrada de &quot;words&quot; debe ser un objeto {&quot;word&quot;: &quot;...&quot;, &quot;count&quot;: N}</translation>
    </message>
    <message>
        <source>&quot;word&quot; must be a string</source>
        <translation>&quot;word&quot; debe ser una cadena</translation>
    </message>
    <message>
        <source>an entry without a &quot;word&quot;</source>
        <translation>una entrada sin &quot;word&quot;</translation>
    </message>
    <message>
        <source>an entry without a &quot;count&quot;</source>
        <translation>una entrada sin &quot;count&quot;</translation>
    </message>
    <message>
        <source>an empty word</source>
        <translation>una palabra de longitud cero</translation>
    </message>
    <message>
        <source>a word longer than %1 bytes</source>
        <translation>una palabra de más de %1 bytes</translation>
    </message>
    <message>
        <source>the counts add up to more than 2^64 - 1</source>
        <translation>las apariciones suman más de 2^64 - 1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>a member name in quotes</source>
        <translation>un nombre de miembro entre comillas</translation>
    </message>
    <message>
        <source>a string that does not end</source>
        <translation>una cadena sin terminar</translation>
    </message>
    <message>
        <source>a control character in a string (JSON needs it escaped)</source>
        <translation>un carácter de control en una cadena (JSON exige escaparlo)</translation>
    </message>
    <message>
        <source>a \u escape without four hex digits</source>
        <translation>una secuencia de escape \u sin cuatro dígitos hexadecimales</translation>
    </message>
    <message>
        <source>a \u escape of a lone surrogate</source>
        <translation>una secuencia de escape \u de un sustituto aislado</translation>
    </message>
    <message>
        <source>an unknown escape in a string</source>
        <translation>una secuencia de escape desconocida en una cadena</translation>
    </message>
    <message>
        <source>&quot;count&quot; must be a whole number of 0 or more</source>
        <translation>&quot;count&quot; debe ser un número entero mayor o igual que 0</translation>
    </message>
    <message>
        <source>a count that does not fit in 64 bits</source>
        <translation>una frecuencia que no cabe en 64 bits</translation>
    </message>
    <message>
        <source>values nested too deeply</source>
        <translation>valores con demasiados niveles de anidamiento</translation>
    </message>
    <message>
        <source>a line longer than %1 bytes: not a WordMill result</source>
        <translation>una línea de más de %1 bytes: no es un resultado de WordMill</translation>
    </message>
    <message>
        <source>an empty line</source>
        <translation>una línea vacía</translation>
    </message>
    <message>
        <source>no TAB between word and count</source>
        <translation>falta el tabulador entre la palabra y la frecuencia</translation>
    </message>
    <message>
        <source>more than one TAB</source>
        <translation>más de un tabulador</translation>
    </message>
    <message>
        <source>no count after the TAB</source>
        <translation>falta la frecuencia tras el tabulador</translation>
    </message>
    <message>
        <source>the count does not fit in 64 bits</source>
        <translation>la frecuencia no cabe en 64 bits</translation>
    </message>
    <message>
        <source>the count is not a whole number of 0 or more</source>
        <translation>la frecuencia no es un número entero mayor o igual que 0</translation>
    </message>
    <message>
        <source>a dangling symbolic link</source>
        <translation>un enlace simbólico roto</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>no existe el archivo</translation>
    </message>
    <message>
        <source>a folder, not a result file</source>
        <translation>una carpeta, no un archivo de resultados</translation>
    </message>
    <message>
        <source>not a regular file: not opened</source>
        <translation>no es un archivo normal: no se ha abierto</translation>
    </message>
    <message>
        <source>cannot be opened: %1</source>
        <translation>no se puede abrir: %1</translation>
    </message>
    <message>
        <source>read error: %1</source>
        <translation>error de lectura: %1</translation>
    </message>
    <message>
        <source>its counts, added to those before, exceed 2^64 - 1</source>
        <translation>sus apariciones, sumadas a las anteriores, superan 2^64 - 1</translation>
    </message>
    <message>
        <source>the counts add up to %1 words but the file says %2: it was cut or edited</source>
        <translation>las apariciones suman %1 palabras, pero el archivo dice %2: se cortó o se modificó</translation>
    </message>
    <message>
        <source>&quot;words&quot; has %1 entries but the file says %2 distinct words: it was cut or edited</source>
        <translation>&quot;words&quot; tiene %1 entradas, pero el archivo dice %2 palabras distintas: se cortó o se modificó</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a whole number of 0 or more</source>
        <translation>&quot;%1&quot; debe ser un número entero mayor o igual que 0</translation>
    </message>
    <message>
        <source>the file ends in the middle of a line (it was cut short?)</source>
        <translation>el archivo termina en mitad de una línea (¿se cortó?)</translation>
    </message>
    <message>
        <source>a quote is not closed</source>
        <translation>una comilla no está cerrada</translation>
    </message>
    <message>
        <source>no comma after the quoted word</source>
        <translation>falta la coma tras la palabra entre comillas</translation>
    </message>
    <message>
        <source>no comma between word and count</source>
        <translation>falta la coma entre la palabra y la frecuencia</translation>
    </message>
    <message>
        <source>no rank before the word</source>
        <translation>falta el puesto antes de la palabra</translation>
    </message>
    <message>
        <source>no semicolon after the quoted word</source>
        <translation>falta el punto y coma tras la palabra entre comillas</translation>
    </message>
    <message>
        <source>no semicolon between word and count</source>
        <translation>falta el punto y coma entre la palabra y la frecuencia</translation>
    </message>
    <message>
        <source>no share after the count</source>
        <translation>falta el porcentaje tras la frecuencia</translation>
    </message>
</context>
<context>
    <name>ResultsExplorer</name>
    <message>
        <source>Filter words…</source>
        <translation>Filtrar palabras…</translation>
    </message>
    <message>
        <source>Filter words</source>
        <translation>Filtrar palabras</translation>
    </message>
    <message>
        <source>Re&amp;gex</source>
        <translation>Expresión re&amp;gular</translation>
    </message>
    <message>
        <source>Treat the filter as a regular expression (case-insensitive)</source>
        <translation>Interpretar el filtro como una expresión regular (sin distinguir mayúsculas y minúsculas)</translation>
    </message>
    <message>
        <source>count ≥ </source>
        <translation>frecuencia ≥ </translation>
    </message>
    <message>
        <source>Minimum count</source>
        <translation>Frecuencia mínima</translation>
    </message>
    <message>
        <source>Hide sto&amp;p words</source>
        <translation>&amp;Ocultar palabras vacías</translation>
    </message>
    <message>
        <source>Hide common English and Spanish words (the list can be edited)</source>
        <translation>Ocultar las palabras más comunes del inglés y del español (la lista se puede editar)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Edit the stop words</source>
        <translation>Editar las palabras vacías</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <source>Export Shown Rows…</source>
        <translation>Exportar las filas mostradas…</translation>
    </message>
    <message>
        <source>Export All Rows…</source>
        <translation>Exportar todas las filas…</translation>
    </message>
    <message>
        <source>Word counts</source>
        <translation>Frecuencias de las palabras</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabla</translation>
    </message>
    <message>
        <source>Top words</source>
        <translation>Palabras más frecuentes</translation>
    </message>
    <message>
        <source>Zipf plot</source>
        <translation>Gráfico de Zipf</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Invalid regular expression: %1</source>
        <translation>Expresión regular no válida: %1</translation>
    </message>
    <message>
        <source>Indexing %1 words…</source>
        <translation>Indexando %1 palabras…</translation>
    </message>
    <message>
        <source>Filtering…</source>
        <translation>Filtrando…</translation>
    </message>
    <message>
        <source>Showing all %1 words</source>
        <translation>Se muestran las %1 palabras</translation>
    </message>
    <message>
        <source>Showing %1 of %2 words</source>
        <translation>Se muestran %1 de %2 palabras</translation>
    </message>
    <message>
        <source>Select a job to see its counts, or open result files.</source>
        <translation>Seleccionar un trabajo para ver sus resultados, o abrir archivos de resultados.</translation>
    </message>
    <message>
        <source>This job was cancelled: it has no counts.</source>
        <translation>Este trabajo se ha cancelado: no tiene resultados.</translation>
    </message>
    <message>
        <source>This job failed: %1</source>
        <translation>Este trabajo ha fallado: %1</translation>
    </message>
    <message>
        <source>The full counts appear here when the job is done.</source>
        <translation>Los resultados completos aparecerán aquí cuando termine el trabajo.</translation>
    </message>
    <message>
        <source>%1 words</source>
        <translation>%1 palabras</translation>
    </message>
    <message>
        <source>%1 distinct</source>
        <translation>%1 distintas</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n archivo</numerusform>
            <numerusform>%n archivos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) skipped</source>
        <translation>
            <numerusform>%n archivo omitido</numerusform>
            <numerusform>%n archivos omitidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n word(s) over 1,000 bytes not counted</source>
        <translation>
            <numerusform>%n palabra de más de 1000 bytes sin contar</numerusform>
            <numerusform>%n palabras de más de 1000 bytes sin contar</numerusform>
        </translation>
    </message>
    <message>
        <source>The top words appear here while the job counts.</source>
        <translation>Las palabras más frecuentes aparecen aquí mientras el trabajo cuenta.</translation>
    </message>
    <message>
        <source>Top %1 words so far, of %2 counted: provisional until the job is done</source>
        <translation>Las %1 palabras más frecuentes hasta ahora, de %2 contadas: datos provisionales hasta que termine el trabajo</translation>
    </message>
    <message>
        <source>%1: choose a name ending in .csv, .tsv or .json</source>
        <translation>%1: el nombre debe terminar en .csv, .tsv o .json</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>There are no counts to export.</source>
        <translation>No hay resultados que exportar.</translation>
    </message>
    <message>
        <source>Export Shown Rows</source>
        <translation>Exportar las filas mostradas</translation>
    </message>
    <message>
        <source>Export All Rows</source>
        <translation>Exportar todas las filas</translation>
    </message>
    <message>
        <source>Stop Words</source>
        <translation>Palabras vacías</translation>
    </message>
    <message>
        <source>One word per line; lines starting with # are comments. Saved in %1.</source>
        <translation>Una palabra por línea; las líneas que empiezan por # son comentarios. Se guarda en %1.</translation>
    </message>
    <message>
        <source>Could not save the stop words: %1</source>
        <translation>No se han podido guardar las palabras vacías: %1</translation>
    </message>
    <message>
        <source>Ignore &amp;accents</source>
        <translation>Ignorar acento&amp;s</translation>
    </message>
    <message>
        <source>&quot;corazon&quot; finds &quot;corazón&quot;; &quot;ñ&quot; stays a letter of its own</source>
        <translation>«corazon» encuentra «corazón»; la «ñ» sigue siendo una letra propia</translation>
    </message>
    <message numerus="yes">
        <source>%n result file(s) merged</source>
        <translation>
            <numerusform>%n archivo de resultados combinado</numerusform>
            <numerusform>%n archivos de resultados combinados</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>Provisional: counts so far, while the job runs</source>
        <translation>Provisional: apariciones contadas hasta ahora, mientras el trabajo sigue en curso</translation>
    </message>
    <message>
        <source>Share of all words taken by the words ranked up to this one</source>
        <translation>Porcentaje del total de palabras que suman las palabras hasta este puesto, incluido</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <source>Word</source>
        <translation>Palabra</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Frecuencia</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Porcentaje</translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation>Porcentaje acumulado</translation>
    </message>
</context>
<context>
    <name>ResultsTableMenu</name>
    <message>
        <source>&amp;Copy Rows</source>
        <translation>&amp;Copiar las filas</translation>
    </message>
    <message>
        <source>Copy &amp;Word</source>
        <translation>Copiar la &amp;palabra</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Seleccionar &amp;todo</translation>
    </message>
</context>
<context>
    <name>ResumeController</name>
    <message>
        <source>Could not resume the job: %1. It counts from the start.</source>
        <translation>No se pudo reanudar el trabajo: %1. Cuenta desde el principio.</translation>
    </message>
    <message>
        <source>Resume interrupted jobs?</source>
        <translation>¿Reanudar los trabajos interrumpidos?</translation>
    </message>
    <message numerus="yes">
        <source>WordMill stopped before %n job(s) ended. Resume them where they were?</source>
        <translation>
            <numerusform>WordMill se cerró antes de que terminara %n trabajo. ¿Reanudarlo donde estaba?</numerusform>
            <numerusform>WordMill se cerró antes de que terminaran %n trabajos. ¿Reanudarlos donde estaban?</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Not Now</source>
        <translation>Ahora no</translation>
    </message>
    <message>
        <source>Resume interrupted jobs</source>
        <translation>Reanudar trabajos interrumpidos</translation>
    </message>
    <message>
        <source>These jobs could not be resumed and were removed:
%1</source>
        <translation>Estos trabajos no se pudieron reanudar y se eliminaron:
%1</translation>
    </message>
    <message>
        <source>Stop the running jobs?</source>
        <translation>¿Detener los trabajos en curso?</translation>
    </message>
    <message>
        <source>Jobs are still counting. Keep them for later, to resume when WordMill starts again, or cancel them and lose their work?</source>
        <translation>Todavía hay trabajos contando. ¿Guardarlos para más tarde, para reanudarlos cuando WordMill vuelva a iniciarse, o cancelarlos y perder su trabajo?</translation>
    </message>
    <message>
        <source>Keep for Later</source>
        <translation>Guardar para más tarde</translation>
    </message>
    <message>
        <source>Cancel Jobs</source>
        <translation>Cancelar trabajos</translation>
    </message>
    <message>
        <source>Don&apos;t Quit</source>
        <translation>No salir</translation>
    </message>
    <message>
        <source>Resumed the job; %1.</source>
        <translation>Trabajo reanudado; %1.</translation>
    </message>
</context>
<context>
    <name>SortedCountReducer</name>
    <message>
        <source>line %1: %2</source>
        <translation>línea %1: %2</translation>
    </message>
    <message>
        <source>the counts of %1 add up to more than 2^64 - 1</source>
        <translation>las frecuencias de %1 suman más de 2^64 - 1</translation>
    </message>
    <message>
        <source>%1 comes after %2: the input is not sorted by word (sort it with LC_ALL=C sort)</source>
        <translation>%1 va después de %2: la entrada no está ordenada por palabra (ordenarla con LC_ALL=C sort)</translation>
    </message>
    <message>
        <source>a line longer than %1 bytes: not a word&lt;TAB&gt;count row</source>
        <translation>una línea de más de %1 bytes: no es una fila palabra&lt;TAB&gt;frecuencia</translation>
    </message>
    <message>
        <source>the input ends in the middle of a line (it was cut short?)</source>
        <translation>la entrada termina en mitad de una línea (¿se cortó?)</translation>
    </message>
</context>
<context>
    <name>StartupOptions</name>
    <message>
        <source>Start a job on SIZE of generated sample text (e.g. 1G).</source>
        <translation>Iniciar un trabajo con SIZE de texto de muestra generado (p. ej., 1G).</translation>
    </message>
    <message>
        <source>Quit once every job has ended; exit status 0 if all were done, 1 otherwise.</source>
        <translation>Salir cuando hayan acabado todos los trabajos; código de salida 0 si todos han terminado bien, 1 en caso contrario.</translation>
    </message>
    <message>
        <source>WordMill: count the words of text files, and watch the work.
WordMill result files (TSV or JSON, as wordmill-cli writes them) open in the results explorer; other files and folders are counted.</source>
        <translation>WordMill: cuenta las palabras de archivos de texto y permite seguir el trabajo.
Los archivos de resultados de WordMill (TSV o JSON, tal como los escribe wordmill-cli) se abren en el explorador de resultados; los demás archivos y carpetas se cuentan.</translation>
    </message>
    <message>
        <source>Files or folders to count, or result files to open.</source>
        <translation>Archivos o carpetas que contar, o archivos de resultados que abrir.</translation>
    </message>
    <message>
        <source>--sample needs a size such as 1G</source>
        <translation>--sample necesita un tamaño, como 1G</translation>
    </message>
    <message>
        <source>wordmill: %1
Try &apos;wordmill --help&apos; for more information.
</source>
        <translation>wordmill: %1
Más información con &apos;wordmill --help&apos;.
</translation>
    </message>
</context>
<context>
    <name>ThroughputChart</name>
    <message>
        <source>MiB/s</source>
        <translation>MiB/s</translation>
    </message>
    <message>
        <source>Million words/s</source>
        <translation>Millones de palabras/s</translation>
    </message>
    <message>
        <source>Counting speed over time</source>
        <translation>Velocidad de recuento a lo largo del tiempo</translation>
    </message>
    <message>
        <source>Counting</source>
        <translation>Contando</translation>
    </message>
    <message>
        <source>Last merges</source>
        <translation>Últimas combinaciones</translation>
    </message>
    <message>
        <source>Sorting</source>
        <translation>Ordenando</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
</context>
<context>
    <name>TimeSplitFormat</name>
    <message>
        <source>Too little counted yet to say where the time goes.</source>
        <translation>Aún se ha contado muy poco para saber en qué se va el tiempo.</translation>
    </message>
    <message>
        <source>The reducer was busy %1 of the time: a larger chunk size reduces merge work.</source>
        <translation>La combinación estuvo ocupada el %1 del tiempo: un tamaño de fragmento mayor reduce el trabajo de combinar.</translation>
    </message>
    <message>
        <source>Workers waited for the reducer %1 of the time: a larger chunk size reduces merge work.</source>
        <translation>Los hilos esperaron a la combinación el %1 del tiempo: un tamaño de fragmento mayor reduce el trabajo de combinar.</translation>
    </message>
    <message>
        <source>Workers waited on the input %1 of the time: more workers will not help.</source>
        <translation>Los hilos esperaron a la entrada el %1 del tiempo: más hilos no ayudarán.</translation>
    </message>
    <message>
        <source>Workers waited for a CPU %1 of the time: the machine is busy with other work, or has fewer cores than workers.</source>
        <translation>Los hilos esperaron una CPU el %1 del tiempo: el equipo está ocupado con otro trabajo o tiene menos núcleos que hilos.</translation>
    </message>
    <message>
        <source>Workers were idle %1 of the time: too few chunks to share out; a smaller chunk size spreads the work.</source>
        <translation>Los hilos estuvieron ociosos el %1 del tiempo: hay pocos fragmentos que repartir; un tamaño de fragmento menor reparte el trabajo.</translation>
    </message>
    <message>
        <source>Workers were idle %1 of the time with chunks left: the machine may be busy with other work.</source>
        <translation>Los hilos estuvieron ociosos el %1 del tiempo aun quedando fragmentos: puede que el equipo esté ocupado con otro trabajo.</translation>
    </message>
    <message>
        <source>Tokenizing and counting took %1 of the workers&apos; time: the job is CPU-bound; more cores would help.</source>
        <translation>Separar y contar palabras ocupó el %1 del tiempo de los hilos: el trabajo depende de la CPU; más núcleos ayudarían.</translation>
    </message>
    <message>
        <source>No single cause stands out: the time is shared between reading, counting and merging.</source>
        <translation>No destaca ninguna causa: el tiempo se reparte entre leer, contar y combinar.</translation>
    </message>
    <message>
        <source>Workers&apos; time: reading %1 (waiting on input %10) · tokenizing and counting %2 · merging %3 · waiting for the reducer %4 · idle %5; waiting for a CPU %11. Reducer busy %6. Speed-up %7× over one worker (%8 against %9).</source>
        <translation>Tiempo de los hilos: leer %1 (esperando a la entrada %10) · separar y contar %2 · combinar %3 · esperar a la combinación %4 · ocioso %5; esperando una CPU %11. Combinación ocupada %6. Aceleración de %7× respecto de un hilo (%8 frente a %9).</translation>
    </message>
</context>
<context>
    <name>TopWordsChart</name>
    <message>
        <source>Show the &amp;top</source>
        <translation>Mostrar las &amp;primeras</translation>
    </message>
    <message>
        <source> words</source>
        <translation> palabras</translation>
    </message>
    <message>
        <source>Number of words in the bar chart</source>
        <translation>Número de palabras del gráfico de barras</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Frecuencia</translation>
    </message>
    <message>
        <source>No words match the filter</source>
        <translation>Ninguna palabra coincide con el filtro</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Counting… the top words appear here as the job reads</source>
        <translation>Contando… las palabras más frecuentes aparecen aquí a medida que se leen</translation>
    </message>
</context>
<context>
    <name>WorkersPage</name>
    <message>
        <source>Select a job to see what its workers did.</source>
        <translation>Seleccione un trabajo para ver qué hicieron sus hilos.</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>Aún no hay nada registrado.</translation>
    </message>
</context>
<context>
    <name>ZipfChart</name>
    <message>
        <source>Least-squares line through log frequency against log rank, over ranks spread evenly on the log scale (about 20 a decade) so that each decade weighs the same. Natural text gives an exponent near 1.</source>
        <translation>Recta de mínimos cuadrados del logaritmo de la frecuencia frente al logaritmo del puesto, sobre puestos repartidos uniformemente en la escala logarítmica (unos 20 por década) para que todas las décadas pesen lo mismo. Un texto natural da un exponente cercano a 1.</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Palabras</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Frecuencia</translation>
    </message>
    <message>
        <source>No words match the filter</source>
        <translation>Ninguna palabra coincide con el filtro</translation>
    </message>
    <message>
        <source>Fit, s = %1</source>
        <translation>Ajuste, s = %1</translation>
    </message>
    <message>
        <source>Zipf exponent s = %1 (fitted over %2 ranks)</source>
        <translation>Exponente de Zipf s = %1 (ajustado sobre %2 puestos)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuste</translation>
    </message>
    <message>
        <source>Too few words to fit</source>
        <translation>Hay muy pocas palabras para el ajuste</translation>
    </message>
    <message>
        <source>Counting… the Zipf plot fills in when the job is done</source>
        <translation>Contando… el gráfico de Zipf se completa cuando termina el trabajo</translation>
    </message>
</context>
</TS>
