// Name pools per naming culture, and which culture each country's diplomats are named from. The
// pools keep their letters (č, ł, ş, ř, ễ …) so that the ASCII_FOLDING aliases have work to do.

export interface CulturePool {
  male: string;
  female: string;
  surnames: string;
  /** The family name first, as Chinese, Korean and Vietnamese names are written. */
  familyFirst?: boolean;
  /** The feminine form of a surname, where the language inflects it. */
  feminine?: [RegExp, string][];
  /** The ministry's second rank is "Vice-Minister" rather than "Deputy Minister". */
  viceMinisters?: boolean;
}

const slavicFeminine: [RegExp, string][] = [[/ov$/, "ova"], [/ev$/, "eva"], [/in$/, "ina"], [/sky$/, "skaya"], [/ski$/, "ska"]];

export const CULTURES = {
  english: {
    male: "James, John, Robert, Michael, David, William, Richard, Thomas, Daniel, Andrew, Mark, Paul, Peter, Stephen",
    female: "Mary, Elizabeth, Sarah, Jennifer, Susan, Margaret, Catherine, Anne, Helen, Emma, Rachel, Laura, Julia",
    surnames: "Smith, Johnson, Brown, Taylor, Wilson, Davies, Evans, Roberts, Walker, Wright, Thompson, White, Hughes, Edwards, Green, Hall, Wood, Harris, Clarke, Mitchell, Campbell, Murphy, Kelly",
  },
  hispanic: {
    male: "José, Juan, Luis, Carlos, Jorge, Miguel, Andrés, Fernando, Ramón, Sebastián, Tomás, Héctor, Raúl, Alejandro, Diego",
    female: "María, Ana, Lucía, Carmen, Isabel, Sofía, Verónica, Mónica, Elena, Beatriz, Inés, Paula",
    surnames: "García, Martínez, Rodríguez, López, González, Pérez, Sánchez, Ramírez, Torres, Flores, Gómez, Díaz, Vázquez, Castillo, Jiménez, Ortega, Morales, Herrera, Núñez, Peña, Rojas, Muñoz",
    viceMinisters: true,
  },
  portuguese: {
    male: "João, António, José, Paulo, Luís, Carlos, Fernando, Ricardo, Sérgio, Márcio, Rui, André",
    female: "Maria, Ana, Conceição, Fernanda, Luísa, Beatriz, Mariana, Inês, Cláudia, Patrícia",
    surnames: "Silva, Santos, Ferreira, Pereira, Oliveira, Costa, Rodrigues, Martins, Sousa, Gonçalves, Gomes, Lopes, Araújo, Carvalho, Magalhães, Simões, Nascimento",
  },
  french: {
    male: "Jean, Pierre, François, Michel, Philippe, Laurent, Nicolas, Stéphane, Frédéric, Olivier, Jérôme, Benoît, Thierry, Éric",
    female: "Marie, Anne, Isabelle, Catherine, Sophie, Hélène, Nathalie, Céline, Élodie, Véronique, Camille, Agnès",
    surnames: "Martin, Bernard, Dubois, Robert, Richard, Petit, Durand, Leroy, Moreau, Lefèvre, Fournier, Girard, Bonnet, Mercier, Faure, Rousseau, Chevalier, Gauthier, Lemaître, Béranger",
  },
  german: {
    male: "Thomas, Michael, Andreas, Stefan, Jürgen, Klaus, Wolfgang, Matthias, Jörg, Frank, Uwe, Markus, Günter",
    female: "Sabine, Petra, Claudia, Andrea, Katrin, Ursula, Monika, Jutta, Bärbel, Anja, Susanne, Käthe",
    surnames: "Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann, Schäfer, Koch, Bauer, Richter, Klein, Wolf, Schröder, Neumann, Krüger, Köhler, Lehmann",
  },
  italian: {
    male: "Giuseppe, Giovanni, Antonio, Marco, Luca, Francesco, Alessandro, Paolo, Stefano, Roberto, Matteo, Nicolò",
    female: "Maria, Anna, Giulia, Francesca, Chiara, Elena, Laura, Sara, Valentina, Federica, Paola",
    surnames: "Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Bruno, Gallo, Conti, De Luca, Mancini, Giordano, Rizzo, Lombardi, Moretti, Borg, Vella",
  },
  dutch: {
    male: "Jan, Pieter, Hendrik, Willem, Johannes, Dirk, Maarten, Joost, Bram, Sander, Wouter, Ruud",
    female: "Anna, Maria, Johanna, Els, Ingrid, Marieke, Sanne, Femke, Lotte, Anouk",
    surnames: "de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Janssen, Visser, Smit, Meijer, de Boer, Mulder, de Groot, Bos, Vos, Peeters, Hendriks, van Leeuwen",
  },
  nordic: {
    male: "Lars, Anders, Erik, Nils, Søren, Bjørn, Jens, Magnus, Henrik, Ole, Gunnar, Åke, Jón",
    female: "Anna, Ingrid, Kristin, Karin, Sigrid, Åsa, Birgitta, Mette, Solveig, Liv, Guðrún, Helle",
    surnames: "Hansen, Johansson, Andersson, Nielsen, Jensen, Larsen, Karlsson, Nilsson, Pedersen, Eriksson, Olsen, Berg, Lindqvist, Sørensen, Jönsson, Håkansson, Dahl, Strøm, Guðmundsson",
  },
  finnic: {
    male: "Juha, Mikko, Timo, Jari, Matti, Pekka, Jüri, Tõnu, Mart, Antti, Väinö, Heikki",
    female: "Päivi, Tiina, Anne, Leena, Sari, Kaja, Maarja, Liisa, Sirpa, Tuula",
    surnames: "Virtanen, Korhonen, Mäkinen, Nieminen, Hämäläinen, Laine, Heikkinen, Koskinen, Järvinen, Tamm, Saar, Sepp, Mägi, Kask, Rebane, Lehtonen",
  },
  lithuanian: {
    male: "Darius, Tomas, Mindaugas, Gintautas, Kęstutis, Žygimantas, Vytautas, Andrius, Linas, Audrius, Giedrius, Rimantas, Šarūnas, Algirdas",
    female: "Rasa, Jūratė, Dalia, Ingrida, Aušra, Gintarė, Vilija, Eglė, Rūta, Lina, Birutė, Živilė",
    surnames: "Kazlauskas, Jankauskas, Petrauskas, Stankevičius, Vasiliauskas, Žukauskas, Butkus, Paulauskas, Urbonas, Kavaliauskas, Balčiūnas, Navickas, Skusevičius, Šimkus, Rimkus",
    feminine: [[/ius$/, "ienė"], [/(as|is|ys|us)$/, "ienė"]],
    viceMinisters: true,
  },
  latvian: {
    male: "Jānis, Andris, Māris, Edgars, Krišjānis, Artis, Valdis, Guntis, Raimonds, Aivars",
    female: "Inese, Ilze, Kristīne, Līga, Dace, Sandra, Baiba, Ieva, Zane",
    surnames: "Bērziņš, Kalniņš, Ozoliņš, Jansons, Liepiņš, Krūmiņš, Balodis, Zariņš, Vītols, Kļaviņš, Pētersons",
    feminine: [[/š$/, "a"], [/is$/, "e"], [/ons$/, "one"], [/s$/, "a"]],
    viceMinisters: true,
  },
  polish: {
    male: "Piotr, Krzysztof, Andrzej, Tomasz, Paweł, Łukasz, Wojciech, Marcin, Michał, Jacek, Grzegorz, Zbigniew, Radosław",
    female: "Anna, Małgorzata, Agnieszka, Katarzyna, Barbara, Ewa, Joanna, Magdalena, Elżbieta, Dorota, Beata, Bożena",
    surnames: "Nowak, Kowalski, Wiśniewski, Wójcik, Kowalczyk, Kamiński, Lewandowski, Zieliński, Szymański, Woźniak, Dąbrowski, Kozłowski, Jankowski, Mazur, Kwiatkowski, Krawczyk, Piotrowski, Grabowski, Pawłowski, Michalski",
    feminine: [[/ski$/, "ska"], [/cki$/, "cka"]],
  },
  czech: {
    male: "Jiří, Jan, Petr, Josef, Pavel, Martin, Tomáš, Jaroslav, Miroslav, Zdeněk, Václav, Lukáš, Marek",
    female: "Jana, Eva, Hana, Anna, Lenka, Kateřina, Lucie, Věra, Alena, Petra, Zuzana, Jarmila",
    surnames: "Novák, Svoboda, Novotný, Dvořák, Černý, Procházka, Kučera, Veselý, Horák, Němec, Marek, Pospíšil, Hájek, Král, Jelínek, Růžička, Beneš, Fiala, Sedláček, Zeman",
    feminine: [[/ý$/, "á"], [/ek$/, "ková"], [/a$/, "ová"], [/ec$/, "cová"], [/$/, "ová"]],
  },
  hungarian: {
    male: "László, István, József, Zoltán, Gábor, Péter, Attila, Tamás, Sándor, Ferenc, Balázs, Csaba",
    female: "Katalin, Erzsébet, Ildikó, Zsuzsanna, Judit, Éva, Andrea, Krisztina, Ágnes, Eszter, Réka",
    surnames: "Nagy, Kovács, Tóth, Szabó, Horváth, Varga, Kiss, Molnár, Németh, Farkas, Balogh, Papp, Takács, Juhász, Lakatos, Mészáros, Szűcs",
  },
  romanian: {
    male: "Ion, Andrei, Mihai, Alexandru, Ștefan, Bogdan, Răzvan, Cristian, Gheorghe, Vasile, Ionuț, Radu, Dan",
    female: "Maria, Elena, Ioana, Andreea, Mihaela, Cristina, Ramona, Alina, Simona, Oana, Raluca",
    surnames: "Popescu, Ionescu, Popa, Stoica, Dumitrescu, Stan, Gheorghiu, Rusu, Munteanu, Constantinescu, Ciobanu, Lungu, Tănase, Moldovan, Răducanu, Bălan, Nistor",
  },
  southSlavic: {
    male: "Ivan, Marko, Goran, Dragan, Nikola, Miloš, Zoran, Dejan, Đorđe, Vuk, Tomislav, Aleksandar, Janez, Mirza, Edin",
    female: "Ana, Ivana, Jelena, Marija, Milica, Snežana, Vesna, Maja, Dragana, Mirjana, Tanja, Nataša",
    surnames: "Horvat, Kovačević, Babić, Marić, Jurić, Petrović, Jovanović, Nikolić, Marković, Đorđević, Stojanović, Ilić, Pavlović, Mitrović, Živković, Hodžić, Kovač, Knežević, Popović",
  },
  bulgarian: {
    male: "Georgi, Ivan, Dimitar, Nikolay, Petar, Stefan, Hristo, Todor, Krasimir, Zoran, Aleksandar",
    female: "Maria, Elena, Ivanka, Desislava, Teodora, Vesela, Radka, Milena, Gergana",
    surnames: "Ivanov, Georgiev, Dimitrov, Petrov, Nikolov, Hristov, Stoyanov, Todorov, Angelov, Kolev, Stefanovski, Trajkovski, Nikolovski",
    feminine: slavicFeminine,
  },
  greek: {
    male: "Georgios, Dimitrios, Konstantinos, Ioannis, Nikolaos, Panagiotis, Christos, Vasileios, Andreas, Michalis",
    female: "Maria, Eleni, Aikaterini, Sofia, Anna, Dimitra, Georgia, Ioanna, Despina",
    surnames: "Papadopoulos, Vlachos, Georgiou, Nikolaidis, Pappas, Oikonomou, Karagiannis, Dimitriou, Konstantinidis, Makris, Christodoulou, Alexiou",
    feminine: [[/os$/, "ou"], [/is$/, "i"], [/as$/, "a"]],
  },
  albanian: {
    male: "Arben, Edi, Ilir, Gent, Besnik, Fatmir, Agron, Dritan, Ermal, Bujar",
    female: "Elira, Mimoza, Arta, Vjosa, Drita, Blerta, Teuta, Majlinda",
    surnames: "Hoxha, Shehu, Krasniqi, Gashi, Berisha, Çela, Dervishi, Kelmendi, Rama, Thaçi, Hysa, Bytyçi",
  },
  turkish: {
    male: "Mehmet, Mustafa, Ahmet, Ali, Hüseyin, Hasan, İbrahim, Murat, Ömer, Gökhan, Çağlar, Emre, Serkan",
    female: "Ayşe, Fatma, Emine, Hatice, Zeynep, Elif, Özlem, Gülşen, Şule, Derya, Esra",
    surnames: "Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Yıldırım, Öztürk, Aydın, Özdemir, Arslan, Doğan, Kılıç, Aslan, Çetin, Kara, Koç, Kurt, Özkan, Çavuşoğlu",
  },
  azerbaijani: {
    male: "Elmar, Ceyhun, Rəşad, Elnur, Tural, Anar, Vüqar, Kamran, Fuad, Orxan",
    female: "Leyla, Günel, Aysel, Nərgiz, Səbinə, Aynur, Könül, Lalə",
    surnames: "Məmmədov, Əliyev, Həsənov, Hüseynov, Quliyev, Babayev, Cəfərov, İsmayılov, Rzayev, Abbasov, Kərimov",
    feminine: slavicFeminine,
  },
  georgian: {
    male: "Giorgi, Davit, Levan, Nikoloz, Zurab, Irakli, Lasha, Vakhtang",
    female: "Nino, Tamar, Ketevan, Mariam, Salome, Eka, Natia",
    surnames: "Beridze, Kapanadze, Gelashvili, Maisuradze, Lomidze, Tsiklauri, Zalkaliani, Japaridze, Kvirikashvili",
  },
  armenian: {
    male: "Armen, Aram, Tigran, Vahe, Hovhannes, Ararat, Edmon, Karen",
    female: "Anahit, Lilit, Gayane, Ani, Mane, Zaruhi, Nune",
    surnames: "Harutyunyan, Petrosyan, Grigoryan, Sargsyan, Hakobyan, Mkrtchyan, Kocharyan, Mirzoyan, Nalbandian",
  },
  russian: {
    male: "Sergey, Alexander, Dmitry, Andrey, Alexey, Vladimir, Mikhail, Igor, Nikolai, Pavel, Oleg, Yuri",
    female: "Elena, Olga, Natalia, Tatiana, Irina, Svetlana, Anna, Maria, Yulia, Ekaterina",
    surnames: "Ivanov, Smirnov, Kuznetsov, Popov, Vasiliev, Petrov, Sokolov, Mikhailov, Novikov, Fedorov, Morozov, Volkov, Ryabkov, Lukashevich, Makei",
    feminine: slavicFeminine,
  },
  ukrainian: {
    male: "Oleksandr, Dmytro, Andriy, Serhiy, Mykola, Volodymyr, Oleh, Taras, Yuriy, Vasyl, Bohdan",
    female: "Olena, Iryna, Nataliia, Oksana, Yuliia, Tetiana, Kateryna, Halyna, Mariia",
    surnames: "Shevchenko, Kovalenko, Bondarenko, Tkachenko, Kravchenko, Melnyk, Boyko, Kovalchuk, Oliynyk, Lysenko, Marchenko, Savchenko, Kuleba, Klymenko, Rudenko",
  },
  centralAsian: {
    male: "Kairat, Yerlan, Nurlan, Askar, Bakhtiyor, Rustam, Timur, Aibek, Daniyar, Sherzod, Farrukh, Azamat, Almaz, Berik",
    female: "Aigerim, Gulnara, Dinara, Saule, Zarina, Madina, Aizhan, Nilufar, Dilnoza, Gulmira, Aliya",
    surnames: "Abdrakhmanov, Nurtayev, Idrissov, Sultanov, Karimov, Tursunov, Akhmetov, Baimukhamedov, Yusupov, Rakhimov, Ismoilov, Zhakupov, Saparov, Ashimov, Bekov",
    feminine: slavicFeminine,
  },
  mongolian: {
    male: "Batbayar, Ganbold, Enkhbold, Tserendorj, Bat-Erdene, Munkh-Orgil, Sukhbaatar, Tsogtbaatar",
    female: "Oyunchimeg, Sarantuya, Enkhtuya, Bolormaa, Nomin, Altantsetseg",
    surnames: "Batbold, Dorj, Gombo, Purev, Tserendash, Luvsan, Ganbaatar, Damdin",
  },
  arabic: {
    male: "Mohammed, Ahmed, Ali, Omar, Khalid, Youssef, Hassan, Ibrahim, Abdullah, Faisal, Karim, Tariq, Samir, Nasser",
    female: "Fatima, Aisha, Mariam, Layla, Noura, Huda, Salma, Rania, Dalia, Amal, Yasmin",
    surnames: "Al-Sayed, Haddad, Al-Mansour, Khalil, Nasser, Al-Hashimi, Saleh, Hamdan, Al-Rashid, Aziz, Qasim, Al-Khatib, Mansour, Bakri, Darwish, Al-Amin",
  },
  persian: {
    male: "Mohammad, Ali, Hossein, Reza, Mehdi, Ahmad, Javad, Abbas, Hamid, Mahmoud, Abdul, Zalmay",
    female: "Fatemeh, Zahra, Maryam, Narges, Shirin, Leila, Parisa, Roya, Farzaneh",
    surnames: "Hosseini, Ahmadi, Mohammadi, Rezaei, Moradi, Karimi, Rahimi, Jafari, Sadeghi, Popal, Rahmani, Stanekzai",
  },
  southAsian: {
    male: "Rajesh, Sanjay, Amit, Vikram, Arjun, Imran, Asif, Bilal, Rahul, Suresh, Anil, Farhan, Prakash, Tenzin, Mahinda",
    female: "Priya, Anjali, Sunita, Ayesha, Lakshmi, Neha, Kavita, Farzana, Nirupama, Sushma, Dechen",
    surnames: "Sharma, Singh, Kumar, Patel, Gupta, Khan, Malik, Qureshi, Chaudhry, Rahman, Hossain, Perera, Shrestha, Thapa, Menon, Iyer, Rao, Reddy, Dorji",
  },
  chinese: {
    male: "Wei, Jun, Lei, Yang, Tao, Ming, Qiang, Hao, Bo, Jian, Yi, Gang, Zhiwei, Jianguo",
    female: "Fang, Li, Na, Min, Jing, Xiu, Hua, Yan, Ying, Lan, Xiaoling, Meiling",
    surnames: "Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun, Ma, Zhu, Hu, Guo, He, Lin, Luo, Gao",
    familyFirst: true,
    viceMinisters: true,
  },
  japanese: {
    male: "Hiroshi, Takeshi, Kenji, Takashi, Taro, Shinji, Kazuo, Masahiko, Akira, Koichi",
    female: "Yoko, Keiko, Yuko, Naoko, Tomoko, Akiko, Sanae, Mariko, Kyoko",
    surnames: "Sato, Suzuki, Takahashi, Tanaka, Watanabe, Ito, Yamamoto, Nakamura, Kobayashi, Kato, Yoshida, Yamada, Sasaki, Matsumoto, Inoue, Kimura, Hayashi, Shimizu",
    viceMinisters: true,
  },
  korean: {
    male: "Min-jun, Sung-ho, Young-soo, Dong-hyun, Jae-won, Sang-woo, Hyun-woo, Jin-woo, Tae-ho, Chol-su",
    female: "Ji-yeon, Seo-yeon, Min-ji, Hye-jin, Eun-ji, Soo-jin, Kyung-wha, Mi-kyung",
    surnames: "Kim, Lee, Park, Choi, Jung, Kang, Cho, Yoon, Jang, Lim, Han, Oh, Ri, Pak",
    familyFirst: true,
    viceMinisters: true,
  },
  vietnamese: {
    male: "Văn Hùng, Minh Tuấn, Quốc Bảo, Đức Anh, Văn Thành, Hoàng Long, Xuân Phúc, Thanh Sơn",
    female: "Thị Lan, Thu Hà, Ngọc Anh, Thị Hương, Minh Thư, Thị Mai, Phương Linh",
    surnames: "Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ, Hồ, Ngô, Dương",
    familyFirst: true,
    viceMinisters: true,
  },
  thai: {
    male: "Somchai, Somsak, Anan, Chatchai, Wichai, Thanakorn, Surachai, Pongsak",
    female: "Siriporn, Nattaya, Suda, Pranee, Kanya, Malee, Wanida, Pornthip",
    surnames: "Saetang, Srisuk, Wongsawat, Chaiyaporn, Rattanakul, Boonmee, Kittikhun, Phromsuwan, Thongdee, Jaidee",
  },
  malay: {
    male: "Ahmad, Muhammad, Budi, Agus, Hendra, Rizal, Hafiz, Anwar, Bambang, Joko, Faisal, Azmi",
    female: "Siti, Nur, Dewi, Sri, Retno, Aminah, Rina, Fatimah, Nurul, Intan",
    surnames: "Hidayat, Santoso, Wijaya, Saputra, Kusuma, Marsudi, Abdullah, Ibrahim, Ismail, Rahman, Hassan, Yusof, Othman, Halim",
  },
  mainlandSoutheastAsian: {
    male: "Sokha, Vannak, Dara, Bounmy, Khamphoui, Thongsing, Aung, Kyaw, Thein, Zaw",
    female: "Sophea, Chanthy, Malis, Khampheng, Aye, Thandar, Nilar",
    surnames: "Chea, Sok, Prak, Keo, Sisoulith, Vongsa, Win, Htun, Naing, Saleumxay",
  },
  filipino: {
    male: "Jose, Juan, Antonio, Ramon, Manuel, Rodrigo, Enrique, Carlos, Emmanuel",
    female: "Maria, Teresa, Corazon, Gloria, Cristina, Rosario, Leonor",
    surnames: "Santos, Reyes, Cruz, Bautista, Ocampo, Garcia, Mendoza, Torres, Aquino, Villanueva, Ramos, Castro, Dela Cruz, Manalo, Locsin",
  },
  hebrew: {
    male: "David, Yossi, Moshe, Avi, Eli, Yoav, Itzhak, Amir, Noam, Gideon",
    female: "Tamar, Michal, Noa, Yael, Sarah, Rivka, Orly, Dana",
    surnames: "Cohen, Levi, Mizrahi, Peretz, Biton, Friedman, Shapira, Katz, Azoulay, Ben-David, Avraham, Dahan, Golan",
  },
  francophoneAfrican: {
    male: "Mamadou, Moussa, Ousmane, Abdoulaye, Ibrahima, Sékou, Amadou, Boubacar, Cheikh, Yves, Alassane, Félix, Théodore",
    female: "Aminata, Fatoumata, Mariam, Aïssatou, Awa, Kadiatou, Rokia, Hélène, Béatrice, Clémence",
    surnames: "Diallo, Traoré, Koné, Camara, Diop, Ndiaye, Sow, Keïta, Ouattara, Touré, Bamba, Sylla, Coulibaly, Kaboré, Ouédraogo, Mbemba, Ngoma",
  },
  westAfrican: {
    male: "Oluwaseun, Chinedu, Emeka, Kwame, Kofi, Kwabena, Adebayo, Tunde, Samuel, Joseph, Abubakar, Musa",
    female: "Ngozi, Chiamaka, Amina, Akosua, Ama, Funmilayo, Adwoa, Efua, Grace, Esther",
    surnames: "Okafor, Adeyemi, Okonkwo, Mensah, Boateng, Owusu, Asante, Bello, Eze, Nwosu, Osei, Danso, Sesay, Kamara, Jallow",
  },
  eastAfrican: {
    male: "John, Peter, Joseph, Samuel, Emmanuel, David, Baraka, Juma, Wafula, Otieno, Kiprono, Jean-Pierre",
    female: "Grace, Mary, Faith, Wanjiru, Achieng, Neema, Amani, Zawadi, Agnes, Claudine",
    surnames: "Mwangi, Otieno, Kamau, Odhiambo, Kiprop, Mutua, Njoroge, Wanjala, Mugisha, Nsengiyumva, Banda, Phiri, Mwale, Tembo, Lungu",
  },
  ethiopian: {
    male: "Tesfaye, Abebe, Getachew, Dawit, Yohannes, Mulugeta, Bereket, Gedu",
    female: "Tigist, Meron, Selam, Hirut, Almaz, Sara",
    surnames: "Alemu, Bekele, Haile, Tadesse, Girma, Kebede, Wolde, Desta, Mekonnen, Tekle",
  },
  southernAfrican: {
    male: "Thabo, Sipho, Themba, Mandla, Tendai, Tafadzwa, Kagiso, Lesego, Pieter, Johan",
    female: "Naledi, Nomvula, Lindiwe, Thandiwe, Nandi, Rudo, Tsitsi, Refilwe",
    surnames: "Dlamini, Nkosi, Ndlovu, Mokoena, Khumalo, Mahlangu, Moyo, Sibanda, Ncube, Molefe, Botha, van der Merwe, Mthembu, Zulu",
  },
  malagasy: {
    male: "Andry, Hery, Rivo, Tiana, Haja, Rija",
    female: "Voahangy, Lalao, Hanitra, Noro, Fara",
    surnames: "Rakotomalala, Randrianarisoa, Rasolofo, Andriamanana, Razafindrakoto, Rakotoarisoa, Andrianjaka",
  },
  pacific: {
    male: "Sitiveni, Josaia, Peter, Manasseh, Tevita, Feleti, Simon, Kausea, Enele",
    female: "Losana, Mere, Salote, Fiame, Litia, Ana, Hilda",
    surnames: "Rabuka, Sopoaga, Tuilagi, Fifita, Tupou, Maka, Natano, Tong, Aingimea, Heine, Kabua, Sogavare, Marape",
  },
} satisfies Record<string, CulturePool>;

export type Culture = keyof typeof CULTURES;

/** Countries whose diplomats are not named like their region's, by ISO code. */
export const BY_CODE: Record<string, Culture> = {
  AO: "portuguese", MZ: "portuguese", CV: "portuguese", GW: "portuguese", ST: "portuguese", TL: "portuguese", BR: "portuguese", PT: "portuguese",
  CU: "hispanic", DO: "hispanic", MX: "hispanic", GQ: "hispanic", AD: "hispanic", ES: "hispanic",
  HT: "french", SC: "french", MU: "french", FR: "french", MC: "french", LU: "french",
  BE: "dutch", NL: "dutch", SR: "dutch", DE: "german", AT: "german", CH: "german", LI: "german",
  IT: "italian", SM: "italian", VA: "italian", MT: "italian", GR: "greek", CY: "greek", AL: "albanian", XK: "albanian",
  BG: "bulgarian", MK: "bulgarian", RO: "romanian", MD: "romanian", PL: "polish", CZ: "czech", SK: "czech", HU: "hungarian",
  RU: "russian", BY: "russian", UA: "ukrainian", LT: "lithuanian", LV: "latvian", EE: "finnic", FI: "finnic",
  GB: "english", IE: "english", TR: "turkish", AZ: "azerbaijani", GE: "georgian", AM: "armenian", IL: "hebrew",
  IR: "persian", AF: "persian", JP: "japanese", KR: "korean", KP: "korean", MN: "mongolian", SG: "chinese",
  VN: "vietnamese", TH: "thai", ID: "malay", MY: "malay", BN: "malay", PH: "filipino",
  NG: "westAfrican", GH: "westAfrican", LR: "westAfrican", SL: "westAfrican", GM: "westAfrican", MR: "arabic",
  ET: "ethiopian", ER: "ethiopian", SO: "arabic", DJ: "arabic", KM: "arabic", MG: "malagasy", BI: "eastAfrican", TD: "francophoneAfrican",
  ZW: "southernAfrican", ZM: "eastAfrican", MW: "eastAfrican", GY: "english", BZ: "english",
};

export const BY_SUBREGION: Record<string, Culture> = {
  "Southern Asia": "southAsian", "Middle Africa": "francophoneAfrican", "Southeast Europe": "southSlavic",
  "Southern Europe": "italian", "Western Asia": "arabic", "South America": "hispanic", Caribbean: "english",
  "Australia and New Zealand": "english", "Central Europe": "southSlavic", "Eastern Africa": "eastAfrican",
  "Western Europe": "french", "Western Africa": "francophoneAfrican", "Eastern Europe": "russian",
  "Central America": "hispanic", "South-Eastern Asia": "mainlandSoutheastAsian", "Southern Africa": "southernAfrican",
  "North America": "english", "Eastern Asia": "chinese", "Northern Europe": "nordic", "Northern Africa": "arabic",
  Melanesia: "pacific", Micronesia: "pacific", Polynesia: "pacific", "Central Asia": "centralAsian",
};
